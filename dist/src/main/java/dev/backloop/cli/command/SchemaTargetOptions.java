package dev.backloop.cli.command;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code [DATASOURCE] [--model MODEL]...}: what {@code migrate} and {@code autoupdate} work on. */
public final class SchemaTargetOptions {
    @Parameters(arity = "0..1", paramLabel = "DATASOURCE",
            description = "The datasource (default: every one whose connector has a schema).")
    String dataSource;

    @Option(names = "--model", paramLabel = "MODEL", description = "Only this model; repeat for more.")
    List<String> models = new ArrayList<>();
}
