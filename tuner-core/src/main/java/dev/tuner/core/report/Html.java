package dev.tuner.core.report;

/**
 * Escaping for HTML text and attribute values, so that knob names, option values and failure
 * messages show as written and can never become markup or script.
 */
final class Html {

    private Html() {}

    /**
     * {@code text} safe inside an element and inside a quoted attribute value (of HTML and of
     * inline SVG): {@code & < > " '} become character references, and characters that HTML forbids
     * (NUL and the other C0 controls but tab, line feed and carriage return, lone surrogates,
     * U+FFFE and U+FFFF) become U+FFFD.
     */
    static String escape(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(text, i, c);
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped != null) {
                if (replacement != null) {
                    escaped.append(replacement);
                } else {
                    escaped.append(c);
                }
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    private static String replacement(String text, int i, char c) {
        switch (c) {
            case '&':
                return "&amp;";
            case '<':
                return "&lt;";
            case '>':
                return "&gt;";
            case '"':
                return "&quot;";
            case '\'':
                return "&#39;";
            default:
                break;
        }
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f || c == '\uFFFE' || c == '\uFFFF') {
            return "\uFFFD";
        }
        if (Character.isHighSurrogate(c)) {
            boolean paired = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            return paired ? null : "\uFFFD";
        }
        if (Character.isLowSurrogate(c)) {
            boolean paired = i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            return paired ? null : "\uFFFD";
        }
        return null;
    }

    /**
     * JSON text safe inside a {@code <script type="application/json">} element: every {@code <}
     * becomes {@code \u003c}, so the text cannot close the element or open a comment.
     */
    static String scriptJson(String json) {
        return json.replace("<", "\\u003c");
    }
}
