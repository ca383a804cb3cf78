package dev.coro.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SwitchesTest {

    @Test
    void acceptsTrueAndFalseInAnyCase() throws Exception {
        assertEquals(new Switches(false, true, false, true), Switches.parse("false", "true", "FALSE", " True "));
    }

    @Test
    void anythingElseIsAConfigurationErrorNamingTheParameter() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> Switches.parse("false", "maybe", "false", "true"));
        assertEquals("Parameter 'verify' (property coro.verify) must be true or false, not 'maybe'", e.getMessage());
        assertThrows(MojoExecutionException.class, () -> Switches.flag("skip", "coro.skip", ""));
        assertThrows(MojoExecutionException.class, () -> Switches.flag("skip", "coro.skip", null));
    }
}
