package tmsp.notification.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Where the test mail goes. */
record TestMailForm(@NotBlank @Email @Size(max = 320) String recipient) {
}
