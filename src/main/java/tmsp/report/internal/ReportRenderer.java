package tmsp.report.internal;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tmsp.web.Formats;

/**
 * Renders a report's template in the report's language: as the HTML view (the stylesheet linked) or as PDF
 * (the stylesheet inlined, no script, well-formed XHTML for openhtmltopdf). Charts are CSS bars in both.
 */
@Component
class ReportRenderer {

    private final ITemplateEngine templates;
    private final Formats formats;
    private final String css;

    ReportRenderer(ITemplateEngine templates, Formats formats) {
        this.templates = templates;
        this.formats = formats;
        try {
            this.css = new ClassPathResource("static/css/report.css").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the report stylesheet ships in the jar", e);
        }
    }

    /** @param cssHref where the browser finds the stylesheet */
    String html(ReportContent content, String cssHref) {
        return render(content, false, cssHref);
    }

    byte[] pdf(ReportContent content) {
        String xhtml = render(content, true, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("rendering the PDF failed", e);
        }
        return out.toByteArray();
    }

    private String render(ReportContent content, boolean pdf, String cssHref) {
        Context context = new Context(ReportLanguage.locale(content.language()));
        context.setVariable("report", content);
        context.setVariable("pdf", pdf);
        context.setVariable("css", css);
        context.setVariable("cssHref", cssHref);
        context.setVariable("fmt", formats);
        return templates.process(content.period().type().template, context);
    }
}
