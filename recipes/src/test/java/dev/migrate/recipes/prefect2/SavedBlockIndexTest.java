package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonRewriteParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.Parser;
import org.openrewrite.text.PlainText;

/**
 * The run's saved blocks decide each file once: about a dozen scanning recipes offer the same tree in turn, and a later
 * cycle offers an edited version of a file under the same tree id; neither counts as a second save.
 */
class SavedBlockIndexTest {
    private static final String SAVE = """
            from prefect.infrastructure import DockerContainer

            DockerContainer(image="org/etl:1.4").save("etl-docker", overwrite=True)
            """;

    private static PythonFile python(String path, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Parser.Input in = new Parser.Input(Path.of(path), () -> new ByteArrayInputStream(bytes));
        return (PythonFile) new PythonRewriteParser().parseBytes(in, bytes, Path.of(""),
                new InMemoryExecutionContext(t -> { }));
    }

    @Test
    void aFileOfferedByEveryRecipeAndAgainInALaterCycleIsOneSave() {
        SavedBlockIndex index = SavedBlockIndex.in(new InMemoryExecutionContext(t -> { }));
        PythonFile blocks = python("blocks/create_blocks.py", SAVE);
        PythonFile other = python("flows/etl.py", "print('etl')\n");
        for (int recipe = 0; recipe < 12; recipe++) {
            index.scan(blocks);
        }
        index.scan(other);
        index.scan(blocks); // a recipe later in the list, after another file
        index.scan(blocks.withModule(python("x.py", SAVE + "# edited\n").module())); // the next cycle's version

        assertThat(index.find("docker-container/etl-docker").usable())
                .hasValueSatisfying(s -> assertThat(s.where().path()).isEqualTo("blocks/create_blocks.py"));
    }

    @Test
    void twoFilesSavingTheSameNameAreTwoSaves() {
        SavedBlockIndex index = SavedBlockIndex.in(new InMemoryExecutionContext(t -> { }));
        index.scan(python("blocks/create_blocks.py", SAVE));
        index.scan(PlainText.builder().sourcePath(Path.of("Makefile")).text("deploy:\n\tpython blocks/create_blocks.py\n").build());
        index.scan(python("blocks/staging.py", SAVE));

        assertThat(index.find("docker-container/etl-docker").problem()).contains("saved 2 times");
    }
}
