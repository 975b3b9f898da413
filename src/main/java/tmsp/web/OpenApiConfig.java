package tmsp.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's description at /v3/api-docs, browsable at /api-docs. */
@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI tmspApi() {
        return new OpenAPI()
                .info(new Info().title("TMSP API").version("v1")
                        .description("Accounts for scripts (HTTP Basic with a portal user) and the appliance API "
                                + "(Bearer token of a registered product). Errors are application/problem+json."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
