package dev.migrate.analyzers.report;

import java.util.Map;

/** A horizontal bar chart as inline SVG: no script, font or image from anywhere else. */
final class BarChart {
    private static final int BAR = 22;
    private static final int LABEL = 130;
    private static final int WIDTH = 420;

    private BarChart() {
    }

    static String svg(String id, String title, Map<String, Long> values) {
        long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int height = 30 + Math.max(1, values.size()) * (BAR + 6);
        StringBuilder s = new StringBuilder();
        s.append("<figure><svg id=\"").append(id).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH).append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"")
                .append(HtmlReport.esc(title)).append("\"><text x=\"0\" y=\"16\" class=\"chart-title\">")
                .append(HtmlReport.esc(title)).append("</text>");
        int y = 28;
        for (Map.Entry<String, Long> e : values.entrySet()) {
            int w = (int) Math.round((WIDTH - LABEL - 50) * (double) e.getValue() / max);
            String fill = HtmlReport.isSeverity(e.getKey()) ? HtmlReport.colour(e.getKey()) : "#546e7a";
            s.append("<g class=\"bar\" data-label=\"").append(HtmlReport.esc(e.getKey())).append("\" data-value=\"")
                    .append(e.getValue()).append("\"><text x=\"0\" y=\"").append(y + 15).append("\">")
                    .append(HtmlReport.esc(e.getKey())).append("</text><rect x=\"").append(LABEL).append("\" y=\"")
                    .append(y).append("\" width=\"").append(w).append("\" height=\"").append(BAR)
                    .append("\" fill=\"").append(fill).append("\"/><text x=\"").append(LABEL + w + 6)
                    .append("\" y=\"").append(y + 15).append("\">").append(e.getValue()).append("</text></g>");
            y += BAR + 6;
        }
        if (values.isEmpty()) {
            s.append("<text x=\"0\" y=\"44\">none</text>");
        }
        return s.append("</svg></figure>").toString();
    }
}
