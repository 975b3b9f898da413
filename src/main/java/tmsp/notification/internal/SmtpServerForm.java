package tmsp.notification.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The mail server form. The password is never filled in from what is stored; left blank it stays as it is. */
class SmtpServerForm {

    @NotBlank
    @Size(max = 255)
    @Pattern(regexp = "[A-Za-z0-9.:\\-\\[\\]]*", message = "{mail.hostInvalid}")
    private String host;
    @NotNull
    @Min(1)
    @Max(65535)
    private Integer port;
    @NotNull
    private SmtpSecurity security = SmtpSecurity.NONE;
    @NotBlank
    @Email
    @Size(max = 320)
    private String sender;
    @Size(max = 255)
    private String username;
    @Size(max = 255)
    private String password;

    static SmtpServerForm of(SmtpSettings settings) {
        SmtpServerForm form = new SmtpServerForm();
        form.host = settings.host();
        form.port = settings.port();
        form.security = settings.security();
        form.sender = settings.sender();
        form.username = settings.username();
        return form;
    }

    SmtpSettings toSettings() {
        String user = username == null || username.isBlank() ? null : username.strip();
        // a password is taken as typed: spaces may belong to it
        String secret = password == null || password.isEmpty() ? null : password;
        return new SmtpSettings(host.strip(), port, security, sender.strip(), user, secret);
    }

    public String getHost() { return host; }
    public void setHost(String host) { this.host = host; }
    public Integer getPort() { return port; }
    public void setPort(Integer port) { this.port = port; }
    public SmtpSecurity getSecurity() { return security; }
    public void setSecurity(SmtpSecurity security) { this.security = security; }
    public String getSender() { return sender; }
    public void setSender(String sender) { this.sender = sender; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
