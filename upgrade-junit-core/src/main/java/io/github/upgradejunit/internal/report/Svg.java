package io.github.upgradejunit.internal.report;

import static io.github.upgradejunit.internal.report.Html.escape;
import static io.github.upgradejunit.internal.report.Html.num;

/**
 * A small writer of SVG documents for the report's charts. It styles with presentation attributes
 * only (no CSS classes), so the same markup renders inline in {@code index.html} and as a
 * standalone file attached to Allure. Text goes through {@link Html#escape}.
 */
final class Svg {

  static final String FONT = "-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,'Noto Sans','Liberation Sans',"
      + "sans-serif";

  private static final String NAMESPACE = "http://www.w3.org/2000/svg";

  private final StringBuilder out = new StringBuilder(4096);

  /** Opens a document {@code width} by {@code height} user units, scaled to the page width. */
  Svg(double width, double height, String label, String cssClass) {
    out.append("<svg class=\"").append(cssClass).append("\" viewBox=\"0 0 ")
        .append(num(width)).append(' ').append(num(height)).append("\" width=\"").append(num(width))
        .append("\" height=\"").append(num(height)).append("\" role=\"img\" aria-label=\"").append(escape(label))
        .append("\" font-family=\"").append(FONT).append("\" font-size=\"11\">")
        .append("<title>").append(escape(label)).append("</title>");
  }

  /**
   * The document as a standalone file: with the XML declaration and the SVG namespace, which inline
   * SVG in HTML does without (so the page itself names no URL at all).
   */
  static String standalone(String svg) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"" + NAMESPACE + "\"" + svg.substring(4);
  }

  /** A filled rectangle; nothing when it has no area. */
  Svg rect(double x, double y, double w, double h, String fill) {
    return rect(x, y, w, h, fill, null);
  }

  /** A filled rectangle with a tooltip. */
  Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
    if (w <= 0 || h <= 0) {
      return this;
    }
    out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
        .append("\" height=\"").append(num(h)).append("\" fill=\"").append(fill).append('"');
    return closeWithTooltip("rect", tooltip);
  }

  /** A straight line. */
  Svg line(double x1, double y1, double x2, double y2, String stroke, double width) {
    return line(x1, y1, x2, y2, stroke, width, null);
  }

  /** A straight line, dashed when {@code dash} is given (e.g. {@code "3,3"}). */
  Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
    out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
        .append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
        .append(num(width)).append('"');
    if (dash != null) {
      out.append(" stroke-dasharray=\"").append(dash).append('"');
    }
    out.append("/>");
    return this;
  }

  /** A filled path, e.g. many small rectangles of one colour as {@code M x y h w v h h -w z}. */
  Svg path(String d, String fill) {
    if (!d.isEmpty()) {
      out.append("<path d=\"").append(d).append("\" fill=\"").append(fill).append("\"/>");
    }
    return this;
  }

  /** A polyline through the points {@code "x,y x,y ..."}. */
  Svg polyline(String points, String stroke, double width) {
    if (!points.isEmpty()) {
      out.append("<polyline points=\"").append(points).append("\" fill=\"none\" stroke=\"").append(stroke)
          .append("\" stroke-width=\"").append(num(width)).append("\" stroke-linejoin=\"round\"/>");
    }
    return this;
  }

  /** A circle. */
  Svg circle(double cx, double cy, double r, String fill, String tooltip) {
    out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"").append(num(r))
        .append("\" fill=\"").append(fill).append('"');
    return closeWithTooltip("circle", tooltip);
  }

  /** Text anchored {@code start}, {@code middle} or {@code end}. */
  Svg text(double x, double y, String text, String anchor, double size, String fill) {
    return text(x, y, text, anchor, size, fill, false);
  }

  /** Text, optionally bold. */
  Svg text(double x, double y, String text, String anchor, double size, String fill, boolean bold) {
    out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append('"');
    if (!"start".equals(anchor)) {
      out.append(" text-anchor=\"").append(anchor).append('"');
    }
    if (size != 11) {
      out.append(" font-size=\"").append(num(size)).append('"');
    }
    if (bold) {
      out.append(" font-weight=\"600\"");
    }
    out.append(" fill=\"").append(fill).append("\">").append(escape(text)).append("</text>");
    return this;
  }

  /** A diagonal hatch pattern, for stretches nobody observed. */
  Svg hatchPattern(String id, String stroke) {
    out.append("<defs><pattern id=\"").append(id).append("\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" ")
        .append("patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>")
        .append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"").append(stroke)
        .append("\" stroke-width=\"2.5\"/></pattern></defs>");
    return this;
  }

  private Svg closeWithTooltip(String element, String tooltip) {
    if (tooltip == null) {
      out.append("/>");
    } else {
      out.append("><title>").append(escape(tooltip)).append("</title></").append(element).append('>');
    }
    return this;
  }

  /** The finished document. */
  String close() {
    return out.append("</svg>").toString();
  }
}
