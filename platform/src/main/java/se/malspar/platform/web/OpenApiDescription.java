package se.malspar.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title, version and description (springdoc's default is "OpenAPI definition v0"). */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

    @Bean
    OpenAPI malsparOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Målspår")
                .version("0.1.0")
                .description("A municipality's goal programme (KF goals, delmål, indicators, ambition levels, target "
                        + "values, measurements, fulfilment) where every change names the board decision behind it "
                        + "and the paper it comes from. Admin API for the strategy office; read API for auditors "
                        + "and revisors."));
    }
}
