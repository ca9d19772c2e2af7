package dev.backloop.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.json.Json;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The document's info object: the explorer's {@code apiInfo}, else the app's package.json name and version
 * (as LoopBack's explorer reads them), else LoopBack's defaults.
 */
final class ApiInfo {
    private ApiInfo() {
    }

    static Info of(JsonNode apiInfo, Path appDirectory) {
        JsonNode pkg = packageJson(appDirectory);
        Info info = new Info()
                .title(apiInfo.path("title").asText(pkg.path("name").asText("LoopBack Application")))
                .version(apiInfo.path("version").asText(pkg.path("version").asText("1.0.0")))
                .description(apiInfo.path("description").asText(pkg.path("description").asText(null)))
                .termsOfService(apiInfo.path("termsOfService").asText(null));
        JsonNode contact = apiInfo.path("contact");
        if (contact.isObject()) {
            info.contact(new Contact().name(contact.path("name").asText(null)).email(contact.path("email").asText(null))
                    .url(contact.path("url").asText(null)));
        } else if (contact.isTextual()) {
            // LoopBack's examples give the contact as one string, usually an address
            String text = contact.asText();
            info.contact(text.contains("@") ? new Contact().email(text) : new Contact().name(text));
        }
        JsonNode license = apiInfo.path("license");
        if (license.isObject()) {
            info.license(new License().name(license.path("name").asText(null)).url(license.path("url").asText(null)));
        } else if (license.isTextual()) {
            info.license(new License().name(license.asText()).url(apiInfo.path("licenseUrl").asText(null)));
        }
        return info;
    }

    private static JsonNode packageJson(Path appDirectory) {
        Path file = appDirectory == null ? null : appDirectory.resolve("package.json");
        if (file == null || !Files.isRegularFile(file)) {
            return Json.mapper().createObjectNode();
        }
        try {
            return Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            // a broken package.json only costs the defaults
            return Json.mapper().createObjectNode();
        }
    }
}
