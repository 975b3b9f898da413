package tmsp.account.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Everything of "Creating an account", from the web form or the JSON API. The two passwords are
 * required on create and optional on edit (blank keeps the current one); they are never sent back.
 */
public class AccountForm {

    /** Validation group for the fields only a new account must have. */
    public interface OnCreate {
    }

    static final String LOGIN_NAME = "[A-Za-z0-9._@-]*";

    @NotBlank @Size(max = 80)
    private String name;

    @NotBlank @Size(max = 120)
    private String companyName;
    @Size(max = 255)
    private String companyAddress;
    @Size(max = 80)
    private String companyCountry;
    @Size(max = 40) @Pattern(regexp = "[0-9+()./ -]*", message = "{validation.phone}")
    private String companyPhone;

    @NotBlank @Size(max = 60)
    private String contactFirstName;
    @NotBlank @Size(max = 60)
    private String contactLastName;
    @Email @Size(max = 254)
    private String contactEmail;

    @NotBlank @Size(max = 64) @Pattern(regexp = LOGIN_NAME, message = "{validation.username}")
    private String registrationUser;
    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
    @NotBlank(groups = OnCreate.class)
    @Size(min = 10, max = 128, message = "{validation.password}")
    private String registrationPassword;

    @NotBlank @Size(max = 64) @Pattern(regexp = LOGIN_NAME, message = "{validation.username}")
    private String portalUser;
    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
    @NotBlank(groups = OnCreate.class)
    @Size(min = 10, max = 128, message = "{validation.password}")
    private String portalPassword;

    @NotEmpty(message = "{validation.services}")
    private Set<Long> serviceIds = new LinkedHashSet<>();
    @NotNull
    private Long managedById;
    @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validTo;
    @NotBlank
    private String reportLanguage = "en";

    AccountDetails details() {
        return new AccountDetails(name, companyName, companyAddress, companyCountry, companyPhone, contactFirstName,
                contactLastName, contactEmail, registrationUser, managedById, validFrom, validTo, reportLanguage);
    }

    /** Blank passwords of an edit mean "keep"; the form normalises them to null. */
    static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCompanyName() { return companyName; }
    public void setCompanyName(String companyName) { this.companyName = companyName; }
    public String getCompanyAddress() { return companyAddress; }
    public void setCompanyAddress(String companyAddress) { this.companyAddress = companyAddress; }
    public String getCompanyCountry() { return companyCountry; }
    public void setCompanyCountry(String companyCountry) { this.companyCountry = companyCountry; }
    public String getCompanyPhone() { return companyPhone; }
    public void setCompanyPhone(String companyPhone) { this.companyPhone = companyPhone; }
    public String getContactFirstName() { return contactFirstName; }
    public void setContactFirstName(String contactFirstName) { this.contactFirstName = contactFirstName; }
    public String getContactLastName() { return contactLastName; }
    public void setContactLastName(String contactLastName) { this.contactLastName = contactLastName; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public String getRegistrationUser() { return registrationUser; }
    public void setRegistrationUser(String registrationUser) { this.registrationUser = registrationUser; }
    public String getRegistrationPassword() { return registrationPassword; }
    public void setRegistrationPassword(String p) { this.registrationPassword = blankToNull(p); }
    public String getPortalUser() { return portalUser; }
    public void setPortalUser(String portalUser) { this.portalUser = portalUser; }
    public String getPortalPassword() { return portalPassword; }
    public void setPortalPassword(String p) { this.portalPassword = blankToNull(p); }
    public Set<Long> getServiceIds() { return serviceIds; }
    public void setServiceIds(Set<Long> serviceIds) { this.serviceIds = serviceIds == null ? new LinkedHashSet<>() : serviceIds; }
    public Long getManagedById() { return managedById; }
    public void setManagedById(Long managedById) { this.managedById = managedById; }
    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
    public LocalDate getValidTo() { return validTo; }
    public void setValidTo(LocalDate validTo) { this.validTo = validTo; }
    public String getReportLanguage() { return reportLanguage; }
    public void setReportLanguage(String reportLanguage) { this.reportLanguage = reportLanguage; }
}
