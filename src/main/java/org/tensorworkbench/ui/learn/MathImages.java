package org.tensorworkbench.ui.learn;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LaTeX formulas typeset by JLaTeXMath into JavaFX images, at a font size in pixels and a screen
 * output scale (2 on a HiDPI screen), so a formula is as sharp as the text around it. Rendered
 * images are cached (a lesson page is re-laid out on every zoom and language change); a formula
 * JLaTeXMath cannot parse gives empty, and a warning in the log.
 */
final class MathImages {
  private static final Logger LOG = LoggerFactory.getLogger(MathImages.class);
  private static final int CACHE_SIZE = 400;
  private static final Color INK = new Color(0x1f, 0x29, 0x33);

  /** A typeset formula: its image at output scale and its size in layout pixels. */
  record Typeset(Image image, double width, double height, double baseline) {}

  private record Key(String latex, boolean display, double fontPx, double scale) {}

  private static final Map<Key, Optional<Typeset>> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Optional<Typeset>> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  private MathImages() {}

  /** Loads JLaTeXMath's fonts (about 2 s the first time on a busy 2-core machine); call off the FX thread. */
  static Void warmUp() {
    new TeXFormula("x^2").createTeXIcon(TeXConstants.STYLE_TEXT, 16f);
    return null;
  }

  /**
   * The formula typeset, or empty when it does not parse.
   *
   * @param display display style ({@code $$...$$}) rather than inline ({@code $...$})
   * @param fontPx the size of the surrounding text, in layout pixels
   * @param scale the screen's output scale
   */
  static synchronized Optional<Typeset> render(String latex, boolean display, double fontPx, double scale) {
    Key key = new Key(latex, display, Math.round(fontPx * 4) / 4.0, scale);
    return CACHE.computeIfAbsent(key, k -> typeset(k.latex(), k.display(), k.fontPx(), k.scale()));
  }

  private static Optional<Typeset> typeset(String latex, boolean display, double fontPx, double scale) {
    TeXIcon icon;
    try {
      icon = new TeXFormula(latex).createTeXIcon(display ? TeXConstants.STYLE_DISPLAY : TeXConstants.STYLE_TEXT,
          (float) (fontPx * scale));
    } catch (RuntimeException e) {
      LOG.warn("A lesson formula does not parse and is shown as its source: {} ({})", latex, e.getMessage());
      return Optional.empty();
    }
    int w = Math.max(1, icon.getIconWidth());
    int h = Math.max(1, icon.getIconHeight());
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      icon.setForeground(INK);
      icon.paintIcon(null, g, 0, 0);
    } catch (RuntimeException e) {
      LOG.warn("A lesson formula could not be drawn and is shown as its source: {} ({})", latex, e.getMessage());
      return Optional.empty();
    } finally {
      g.dispose();
    }
    double baseline = (h - icon.getIconDepth()) / scale;
    return Optional.of(new Typeset(SwingFXUtils.toFXImage(image, null), w / scale, h / scale, baseline));
  }
}
