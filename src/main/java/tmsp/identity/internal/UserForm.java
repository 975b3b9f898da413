package tmsp.identity.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;
import tmsp.identity.Role;

/** What an administrator types to create or edit a staff user. The password only counts on create. */
class UserForm {

    interface OnCreate {
    }

    @NotBlank(groups = OnCreate.class)
    @Size(max = 64, groups = OnCreate.class)
    @Pattern(regexp = "[A-Za-z0-9._@-]*", message = "{validation.username}", groups = OnCreate.class)
    private String username;

    @Size(max = 120)
    private String displayName;

    @Email
    @Size(max = 254)
    private String email;

    @NotBlank(groups = OnCreate.class)
    @Size(min = 10, max = 128, message = "{validation.password}", groups = OnCreate.class)
    private String password;

    private Set<Role> roles = EnumSet.noneOf(Role.class);

    static UserForm of(User user) {
        UserForm form = new UserForm();
        form.username = user.getUsername();
        form.displayName = user.getDisplayName();
        form.email = user.getEmail();
        form.roles = user.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.getRoles());
        return form;
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public Set<Role> getRoles() { return roles; }
    public void setRoles(Set<Role> roles) { this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles; }
}
