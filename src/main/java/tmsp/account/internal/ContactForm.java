package tmsp.account.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A contact to add to an account's list. */
public class ContactForm {

    @NotBlank @Size(max = 120)
    private String name;
    @NotBlank @Email @Size(max = 254)
    private String email;
    @NotBlank
    private String language = "en";

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
}
