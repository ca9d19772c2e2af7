package dev.backloop.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PathCanonicalizerTest {
    private final PathCanonicalizer paths = new PathCanonicalizer();

    @BeforeEach
    void routes() {
        paths.add("/api/Books");
        paths.add("/api/Books/findOne");
        paths.add("/api/Books/{id}");
        paths.add("/api/Books/{id}/exists");
        paths.add("/api/people/count");
    }

    @Test
    void literalSegmentsTakeTheRegisteredSpelling() {
        assertThat(paths.canonicalize("/API/books/FINDONE")).isEqualTo("/api/Books/findOne");
        assertThat(paths.canonicalize("/api/PEOPLE/Count")).isEqualTo("/api/people/count");
    }

    @Test
    void parameterSegmentsKeepTheirCase() {
        assertThat(paths.canonicalize("/api/books/AbC/EXISTS")).isEqualTo("/api/Books/AbC/exists");
        assertThat(paths.canonicalize("/api/books/Mixed%20Case")).isEqualTo("/api/Books/Mixed%20Case");
    }

    @Test
    void aLiteralWinsOverAParameterButBacktracksWhenItLeadsNowhere() {
        assertThat(paths.canonicalize("/api/books/findone")).isEqualTo("/api/Books/findOne");
        paths.add("/api/Books/findOne/{x}/deep");
        assertThat(paths.canonicalize("/api/books/findone/exists")).isEqualTo("/api/Books/findone/exists");
    }

    @Test
    void trailingAndDoubleSlashesAreDropped() {
        assertThat(paths.canonicalize("/api/books/")).isEqualTo("/api/Books");
        assertThat(paths.canonicalize("//api//books")).isEqualTo("/api/Books");
    }

    @Test
    void unknownPathsAreLeftAsTheyAre() {
        assertThat(paths.canonicalize("/api/Nope/x")).isEqualTo("/api/Nope/x");
        assertThat(paths.canonicalize("/")).isEqualTo("/");
    }
}
