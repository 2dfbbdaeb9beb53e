package dev.migrate.analyzers.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.scan.Inventory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Parses the Markdown report as GitHub reads it (CommonMark with GFM tables) and compares what each cell shows with
 * the job it came from: a report whose cells break or alter scanned text fails here.
 */
class MarkdownRenderTest {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    /** The text every cell of the first table's body shows, row by row. */
    static List<List<String>> jobRows(String markdown) {
        TableBlock table = first(PARSER.parse(markdown));
        List<List<String>> rows = new ArrayList<>();
        for (Node row = table.getLastChild().getFirstChild(); row != null; row = row.getNext()) {
            List<String> cells = new ArrayList<>();
            for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
                cells.add(text(c));
            }
            rows.add(cells);
        }
        assertThat(table.getLastChild()).isInstanceOf(TableBody.class);
        return rows;
    }

    private static TableBlock first(Node doc) {
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof TableBlock t) {
                return t;
            }
        }
        throw new AssertionError("no table");
    }

    private static String text(Node cell) {
        assertThat(cell).isInstanceOf(TableCell.class);
        StringBuilder sb = new StringBuilder();
        cell.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                sb.append(t.getLiteral());
            }

            @Override
            public void visit(Code c) {
                sb.append(c.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak b) {
                sb.append('\n');
            }
        });
        return sb.toString();
    }

    @Test
    void commandsWithBackticksAndPipesShowAsWritten() throws IOException {
        String backticks = "tar czf /backup/`date +%F`.tgz /srv | gzip -t";
        Inventory inv = AwkwardTextReportsTest.inventory("etc/cron.d/a", "backup", backticks,
                "etc/cron.d/b", "edge", "`hostname` ``double`` x`", "etc/cron.d/c", "spaced", " padded ");
        List<List<String>> rows = jobRows(ReportFormatsTest.render(ReportFormat.MD, inv));
        assertThat(rows).hasSize(3).allSatisfy(r -> assertThat(r).hasSize(7));
        assertThat(rows).extracting(r -> r.get(5)).containsExactly(backticks, "`hostname` ``double`` x`", " padded ");
    }

    @Test
    void namesWithMarkdownAndEntitiesShowAsPlainText() throws IOException {
        String name = "*star* _u_ [link](https://example.com/x) ![img](x.png) a &amp; b &#60; ~~gone~~ <b>x</b> \\| back\\";
        Inventory inv = AwkwardTextReportsTest.inventory("etc/cron.d/[a]&amp;.cron", name, "/bin/x");
        String md = ReportFormatsTest.render(ReportFormat.MD, inv);
        List<List<String>> rows = jobRows(md);
        assertThat(rows.get(0).get(2)).isEqualTo(name);
        assertThat(rows.get(0).get(4)).isEqualTo("etc/cron.d/[a]&amp;.cron:1:1");
        org.commonmark.node.Node doc = PARSER.parse(md);
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Link link) {
                assertThat(link.getDestination()).as("only rule docs are links").startsWith("docs/rules/");
            }

            @Override
            public void visit(org.commonmark.node.Image image) {
                throw new AssertionError("an image from scanned text: " + image.getDestination());
            }
        });
    }
}
