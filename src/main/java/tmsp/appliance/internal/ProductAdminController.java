package tmsp.appliance.internal;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The account page's product actions: move a product to another account, set its syslog source, remove it. */
@Controller
@RequestMapping("/accounts/{id}/products/{productId}")
@PreAuthorize("hasRole('ADMIN')")
class ProductAdminController {

    private final ProductAdministration administration;

    ProductAdminController(ProductAdministration administration) {
        this.administration = administration;
    }

    @PostMapping("/move")
    String move(@PathVariable Long id, @PathVariable long productId, @RequestParam(defaultValue = "") String toAccount,
                RedirectAttributes redirect) {
        boolean moved = administration.move(id, productId, toAccount);
        redirect.addFlashAttribute(moved ? "success" : "error", moved ? "products.moved" : "products.moveTargetMissing");
        return "redirect:/accounts/" + id + "#products";
    }

    @PostMapping("/syslog-source")
    String syslogSource(@PathVariable Long id, @PathVariable long productId, @RequestParam(defaultValue = "") String address,
                        RedirectAttributes redirect) {
        boolean set = administration.setSyslogSource(id, productId, address);
        redirect.addFlashAttribute(set ? "success" : "error", set ? "products.syslogSourceSet" : "products.syslogSourceInvalid");
        return "redirect:/accounts/" + id + "#products";
    }

    @PostMapping("/delete")
    String remove(@PathVariable Long id, @PathVariable long productId, RedirectAttributes redirect) {
        administration.remove(id, productId);
        redirect.addFlashAttribute("success", "products.removed");
        return "redirect:/accounts/" + id + "#products";
    }

    @ExceptionHandler(ProductAdministration.NoSuchProduct.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }
}
