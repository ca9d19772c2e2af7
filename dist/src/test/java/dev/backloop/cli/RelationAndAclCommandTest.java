package dev.backloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelationAndAclCommandTest {
    @TempDir
    Path tempDir;
    Path app;

    @BeforeEach
    void newApp() {
        app = Cli.newApp(tempDir, "clinic");
        for (String model : new String[] {"Physician", "Patient", "Appointment"}) {
            assertThat(Cli.in(app, "model", model, "-p", "name").code()).isZero();
        }
        assertThat(Cli.in(app, "model", "Category", "--plural", "categories").code()).isZero();
    }

    private JsonNode model(String file) throws Exception {
        return Json.mapper().readTree(app.resolve("common/models/" + file + ".json").toFile());
    }

    @Test
    void aHasManyIsNamedAfterThePluralOfItsModel() throws Exception {
        assertThat(Cli.in(app, "relation", "Physician", "--type", "hasMany", "--to", "Patient",
                "--through", "Appointment").code()).isZero();
        assertThat(Cli.in(app, "relation", "Physician", "--type", "hasMany", "--to", "Category",
                "--foreign-key", "doctorId").code()).isZero();
        assertThat(Cli.in(app, "relation", "Appointment", "--type", "belongsTo", "--to", "Physician").code()).isZero();

        assertThat(model("physician").get("relations").toString()).isEqualTo("{"
                + "\"patients\":{\"type\":\"hasMany\",\"model\":\"Patient\",\"through\":\"Appointment\"},"
                + "\"categories\":{\"type\":\"hasMany\",\"model\":\"Category\",\"foreignKey\":\"doctorId\"}}");
        assertThat(model("appointment").get("relations").toString())
                .isEqualTo("{\"physician\":{\"type\":\"belongsTo\",\"model\":\"Physician\"}}");
    }

    @Test
    void relationMistakesAreUsageErrors() throws Exception {
        Cli.Result unknown = Cli.in(app, "relation", "Physician", "--type", "hasMany", "--to", "Nurse");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("--to: the app has no model \"Nurse\"");
        Cli.Result badType = Cli.in(app, "relation", "Physician", "--type", "hasLots", "--to", "Patient");
        assertThat(badType.code()).isEqualTo(2);
        assertThat(badType.err()).contains("\"hasLots\" is not one of hasMany");
        Cli.Result through = Cli.in(app, "relation", "Patient", "--type", "belongsTo", "--to", "Physician",
                "--through", "Appointment");
        assertThat(through.code()).isEqualTo(2);
        assertThat(through.err()).contains("--through is for hasMany relations");
        assertThat(Cli.in(app, "relation", "Patient", "--type", "hasOne", "--to", "Physician", "--name", "bad name").code())
                .isEqualTo(2);
        assertThat(model("patient").get("relations").size()).isZero();
    }

    @Test
    void aRelationIsReplacedOnlyWithForce() throws Exception {
        assertThat(Cli.in(app, "relation", "Patient", "--type", "belongsTo", "--to", "Physician").code()).isZero();

        Cli.Result again = Cli.in(app, "relation", "Patient", "--type", "hasOne", "--to", "Physician");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("already has relation physician; use --force");

        assertThat(Cli.in(app, "relation", "Patient", "--type", "hasOne", "--to", "Physician", "--force").code()).isZero();
        assertThat(model("patient").at("/relations/physician/type").asText()).isEqualTo("hasOne");
    }

    @Test
    void anAclIsAppendedOnceInLoopBackOrder() throws Exception {
        Cli.Result result = Cli.in(app, "acl", "Patient", "--access-type", "WRITE", "--role", "$unauthenticated",
                "--permission", "DENY");
        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(Cli.in(app, "acl", "Patient", "--method", "find", "--role", "$authenticated", "--permission", "ALLOW")
                .code()).isZero();
        Cli.Result twice = Cli.in(app, "acl", "Patient", "--method", "find", "--role", "$authenticated",
                "--permission", "ALLOW");
        assertThat(twice.out()).contains("already has this entry");

        assertThat(model("patient").get("acls").toString()).isEqualTo("["
                + "{\"accessType\":\"WRITE\",\"principalType\":\"ROLE\",\"principalId\":\"$unauthenticated\",\"permission\":\"DENY\"},"
                + "{\"accessType\":\"*\",\"principalType\":\"ROLE\",\"principalId\":\"$authenticated\",\"permission\":\"ALLOW\","
                + "\"property\":\"find\"}]");
    }

    @Test
    void allModelsGetTheEntry() throws Exception {
        assertThat(Cli.in(app, "acl", "--all-models", "--permission", "DENY").code()).isZero();

        for (String file : new String[] {"physician", "patient", "appointment", "category"}) {
            assertThat(model(file).get("acls").toString()).isEqualTo("[{\"accessType\":\"*\",\"principalType\":\"ROLE\","
                    + "\"principalId\":\"$everyone\",\"permission\":\"DENY\"}]");
        }
    }

    @Test
    void aclMistakesAreUsageErrors() throws Exception {
        Cli.Result missing = Cli.in(app, "acl", "Patient");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("Permission is missing: give --permission");
        Cli.Result badAccess = Cli.in(app, "acl", "Patient", "--access-type", "DELETE", "--permission", "DENY");
        assertThat(badAccess.code()).isEqualTo(2);
        assertThat(badAccess.err()).contains("\"DELETE\" is not one of *, READ, WRITE, EXECUTE");
        assertThat(Cli.in(app, "acl", "Nurse", "--permission", "DENY").code()).isEqualTo(2);
        assertThat(model("patient").get("acls").size()).isZero();
    }

    @Test
    void helpOfRelationAndAcl() {
        assertThat(Cli.run("relation", "--help").out()).contains("--type", "--to", "--through", "--foreign-key", "--name");
        assertThat(Cli.run("acl", "--help").out()).contains("--all-models", "--method", "--access-type", "--role",
                "--permission");
    }
}
