package org.tensorworkbench.ui.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Lesson Markdown (CommonMark) laid out as JavaFX nodes: headings, paragraphs, emphasis, code,
 * lists, block quotes and links, with {@code $...$} and {@code $$...$$} formulas typeset by
 * {@link MathImages}. Raw LaTeX is never shown as text: a formula that does not parse is shown as
 * its source in a box marked as an error.
 */
final class LessonMarkdown {
  private static final Parser PARSER = Parser.builder().build();
  private static final char INLINE = '\uE000';
  private static final char DISPLAY = '\uE002';
  private static final char END = '\uE001';
  private static final Pattern PLACEHOLDER = Pattern.compile("([\uE000\uE002])(\\d+)\uE001");
  /** A space or line break between two Chinese characters (YAML folding and soft breaks add them). */
  private static final Pattern SPACE_BETWEEN_CJK = Pattern.compile(
      "(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])[ \n](?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])");
  /** TeX's glyphs look smaller than UI text of the same pixel size. */
  private static final double MATH_SIZE = 1.15;

  private final double fontPx;
  private final double scale;

  /**
   * @param fontPx the text's size in layout pixels (formulas are typeset at it)
   * @param scale the screen's output scale
   */
  LessonMarkdown(double fontPx, double scale) {
    this.fontPx = fontPx;
    this.scale = scale;
  }

  /** The Markdown laid out, in a box whose font size is {@code fontPx}. */
  VBox render(String markdown) {
    List<String> formulas = new ArrayList<>();
    String source = SPACE_BETWEEN_CJK.matcher(markdown == null ? "" : markdown).replaceAll("");
    String text = extractMath(source, formulas);
    VBox box = new VBox();
    box.getStyleClass().add("md");
    box.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", fontPx));
    PARSER.parse(text).accept(new Blocks(box, formulas));
    return box;
  }

  /**
   * Replaces each formula by a placeholder the Markdown parser leaves alone and collects them:
   * {@code $$...$$} (display, may span lines) and {@code $...$} (inline, within a paragraph).
   * Code spans, fenced code and {@code \$} keep their dollars.
   */
  static String extractMath(String md, List<String> formulas) {
    StringBuilder out = new StringBuilder();
    boolean fenced = false;
    int i = 0;
    int n = md.length();
    boolean lineStart = true;
    while (i < n) {
      if (lineStart) {
        int eol = md.indexOf('\n', i);
        String line = md.substring(i, eol < 0 ? n : eol);
        if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
          fenced = !fenced;
        }
        if (fenced || line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
          out.append(line);
          if (eol >= 0) {
            out.append('\n');
          }
          i = eol < 0 ? n : eol + 1;
          continue;
        }
        lineStart = false;
      }
      char c = md.charAt(i);
      if (c == '\n') {
        out.append(c);
        i++;
        lineStart = true;
      } else if (c == '\\' && i + 1 < n && md.charAt(i + 1) == '$') {
        out.append("\\$");
        i += 2;
      } else if (c == '`') {
        int run = 1;
        while (i + run < n && md.charAt(i + run) == '`') {
          run++;
        }
        String fence = "`".repeat(run);
        int close = md.indexOf(fence, i + run);
        int stop = close < 0 ? i + run : close + run;
        out.append(md, i, stop);
        i = stop;
      } else if (c == '$' && i + 1 < n && md.charAt(i + 1) == '$') {
        int close = md.indexOf("$$", i + 2);
        if (close < 0) {
          out.append("$$");
          i += 2;
          continue;
        }
        formulas.add(md.substring(i + 2, close).strip());
        out.append("\n\n").append(DISPLAY).append(formulas.size() - 1).append(END).append("\n\n");
        i = close + 2;
      } else if (c == '$') {
        int close = inlineClose(md, i + 1);
        if (close < 0) {
          out.append('$');
          i++;
          continue;
        }
        formulas.add(md.substring(i + 1, close).strip());
        out.append(INLINE).append(formulas.size() - 1).append(END);
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** The closing {@code $} of an inline formula, not past a blank line; -1 if there is none. */
  private static int inlineClose(String md, int from) {
    for (int j = from; j < md.length(); j++) {
      char c = md.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == '$') {
        return j > from ? j : -1;
      } else if (c == '\n' && md.indexOf('\n', j + 1) == j + 1) {
        return -1;
      } else if (c == '\n' && md.substring(j + 1).isBlank()) {
        return -1;
      }
    }
    return -1;
  }

  /** Lays out block nodes into a box. */
  private final class Blocks extends AbstractVisitor {
    private final VBox box;
    private final List<String> formulas;

    Blocks(VBox box, List<String> formulas) {
      this.box = box;
      this.formulas = formulas;
    }

    @Override
    public void visit(Heading heading) {
      TextFlow flow = inlines(heading);
      flow.getStyleClass().add("md-h" + Math.min(3, heading.getLevel()));
      box.getChildren().add(flow);
    }

    @Override
    public void visit(Paragraph paragraph) {
      if (paragraph.getFirstChild() instanceof org.commonmark.node.Text only && only.getNext() == null) {
        Matcher m = PLACEHOLDER.matcher(only.getLiteral().strip());
        if (m.matches() && m.group(1).charAt(0) == DISPLAY) {
          HBox centred = new HBox(formula(formulas.get(Integer.parseInt(m.group(2))), true));
          centred.setAlignment(Pos.CENTER);
          centred.setMinWidth(0);
          centred.getStyleClass().add("md-display");
          box.getChildren().add(centred);
          return;
        }
      }
      TextFlow flow = inlines(paragraph);
      flow.getStyleClass().add("md-paragraph");
      box.getChildren().add(flow);
    }

    @Override
    public void visit(BulletList list) {
      items(list, false, 1);
    }

    @Override
    public void visit(OrderedList list) {
      items(list, true, list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber());
    }

    private void items(org.commonmark.node.Node list, boolean ordered, int start) {
      VBox items = new VBox();
      items.getStyleClass().add("md-list");
      int number = start;
      for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
        Label marker = new Label(ordered ? number++ + "." : "\u2022");
        marker.getStyleClass().add("md-marker");
        marker.setMinWidth(Region.USE_PREF_SIZE);
        VBox content = new VBox();
        content.getStyleClass().add("md-item");
        for (org.commonmark.node.Node child = item.getFirstChild(); child != null; child = child.getNext()) {
          child.accept(new Blocks(content, formulas));
        }
        HBox row = new HBox(marker, content);
        HBox.setHgrow(content, Priority.ALWAYS);
        row.getStyleClass().add("md-list-row");
        items.getChildren().add(row);
      }
      box.getChildren().add(items);
    }

    @Override
    public void visit(ListItem item) {
      visitChildren(item);
    }

    @Override
    public void visit(BlockQuote quote) {
      VBox inner = new VBox();
      inner.getStyleClass().add("md-quote");
      for (org.commonmark.node.Node child = quote.getFirstChild(); child != null; child = child.getNext()) {
        child.accept(new Blocks(inner, formulas));
      }
      box.getChildren().add(inner);
    }

    @Override
    public void visit(FencedCodeBlock code) {
      codeBlock(code.getLiteral());
    }

    @Override
    public void visit(IndentedCodeBlock code) {
      codeBlock(code.getLiteral());
    }

    @Override
    public void visit(HtmlBlock html) {
      codeBlock(html.getLiteral());
    }

    @Override
    public void visit(ThematicBreak rule) {
      box.getChildren().add(new Separator());
    }

    private void codeBlock(String literal) {
      Label code = new Label(literal.stripTrailing());
      code.getStyleClass().add("md-code-block");
      code.setWrapText(true);
      code.setMaxWidth(Double.MAX_VALUE);
      box.getChildren().add(code);
    }

    private TextFlow inlines(org.commonmark.node.Node parent) {
      TextFlow flow = new TextFlow();
      Inlines inlines = new Inlines(flow, formulas);
      for (org.commonmark.node.Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
        child.accept(inlines);
      }
      return flow;
    }
  }

  /** Lays out inline nodes into a text flow, with the styles of the spans they are in. */
  private final class Inlines extends AbstractVisitor {
    private final TextFlow flow;
    private final List<String> formulas;
    private final List<String> styles = new ArrayList<>();

    Inlines(TextFlow flow, List<String> formulas) {
      this.flow = flow;
      this.formulas = formulas;
    }

    @Override
    public void visit(org.commonmark.node.Text text) {
      String literal = text.getLiteral();
      Matcher m = PLACEHOLDER.matcher(literal);
      int at = 0;
      while (m.find()) {
        addText(literal.substring(at, m.start()));
        boolean display = m.group(1).charAt(0) == DISPLAY;
        if (display) {
          addText("\n");
        }
        flow.getChildren().add(formula(formulas.get(Integer.parseInt(m.group(2))), display));
        if (display) {
          addText("\n");
        }
        at = m.end();
      }
      addText(literal.substring(at));
    }

    @Override
    public void visit(Emphasis emphasis) {
      styled("md-em", emphasis);
    }

    @Override
    public void visit(StrongEmphasis strong) {
      styled("md-strong", strong);
    }

    @Override
    public void visit(Code code) {
      styles.add("md-code");
      addText(code.getLiteral());
      styles.remove(styles.size() - 1);
    }

    @Override
    public void visit(Link link) {
      int before = flow.getChildren().size();
      styled("md-link", link);
      Tooltip destination = new Tooltip(link.getDestination());
      flow.getChildren().subList(before, flow.getChildren().size())
          .forEach(n -> Tooltip.install(n, destination));
    }

    @Override
    public void visit(Image image) {
      styled("md-em", image);
    }

    @Override
    public void visit(SoftLineBreak soft) {
      addText(" ");
    }

    @Override
    public void visit(HardLineBreak hard) {
      addText("\n");
    }

    @Override
    public void visit(HtmlInline html) {
      addText(html.getLiteral());
    }

    private void styled(String style, org.commonmark.node.Node node) {
      styles.add(style);
      visitChildren(node);
      styles.remove(styles.size() - 1);
    }

    private void addText(String s) {
      if (s.isEmpty()) {
        return;
      }
      Text t = new Text(s);
      t.getStyleClass().add("md-text");
      t.getStyleClass().addAll(styles);
      flow.getChildren().add(t);
    }
  }

  /**
   * A display formula that shrinks to the width it is given (keeping its proportions) rather than
   * widening the page: LeNet's shape chain in presenter type is wider than a 1280-pixel screen.
   */
  private static Region shrinkable(ImageView view, double width, double height) {
    return new Region() {
      {
        getChildren().add(view);
        setMinWidth(0);
        setMaxSize(width, height);
      }

      @Override
      public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
      }

      @Override
      protected double computePrefWidth(double h) {
        return width;
      }

      @Override
      protected double computePrefHeight(double w) {
        return w < 0 || w >= width ? height : height * w / width;
      }

      @Override
      protected double computeMinHeight(double w) {
        return computePrefHeight(w);
      }

      @Override
      protected void layoutChildren() {
        double s = Math.min(1, getWidth() / width);
        view.setFitWidth(width * s);
        view.setFitHeight(height * s);
        view.relocate(0, 0);
      }
    };
  }

  /** A formula as an image sitting on the text's baseline, or its source in an error box. */
  private Node formula(String latex, boolean display) {
    return MathImages.render(latex, display, fontPx * MATH_SIZE, scale).<Node>map(t -> {
      ImageView view = new ImageView(t.image());
      view.setFitWidth(t.width());
      view.setFitHeight(t.height());
      view.setSmooth(true);
      Region holder = display ? shrinkable(view, t.width(), t.height()) : new Region() {
        {
          getChildren().add(view);
          setMinSize(t.width(), t.height());
          setPrefSize(t.width(), t.height());
          setMaxSize(t.width(), t.height());
        }

        @Override
        public double getBaselineOffset() {
          return t.baseline();
        }
      };
      holder.getStyleClass().add(display ? "math-display" : "math-inline");
      holder.setAccessibleText(latex);
      return holder;
    }).orElseGet(() -> {
      Label source = new Label(display ? "$$" + latex + "$$" : "$" + latex + "$");
      source.getStyleClass().add("math-error");
      source.setTooltip(new Tooltip(org.tensorworkbench.i18n.Messages.get("learn.math.error")));
      return source;
    });
  }
}
