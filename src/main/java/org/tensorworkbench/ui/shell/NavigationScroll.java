package org.tensorworkbench.ui.shell;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;

/**
 * The navigation column, scrolling when its workspaces do not fit one above the other (200 % zoom
 * on an 800-pixel screen). Unlike a plain {@link ScrollPane}, it widens by the scroll bar while the
 * bar is shown, so no title is squeezed or cut.
 */
final class NavigationScroll extends ScrollPane {
  NavigationScroll(Region navigation) {
    super(navigation);
    navigation.setMinWidth(Region.USE_PREF_SIZE);
    setId("navigation-scroll");
    getStyleClass().add("navigation-scroll");
    setFitToWidth(true);
    setFitToHeight(true);
    setHbarPolicy(ScrollBarPolicy.NEVER);
    setVbarPolicy(ScrollBarPolicy.AS_NEEDED);
    setMinWidth(Region.USE_PREF_SIZE);
    heightProperty().addListener((obs, old, now) -> requestLayout());
  }

  @Override
  protected double computePrefWidth(double height) {
    Node content = getContent();
    double width = content.prefWidth(-1) + snappedLeftInset() + snappedRightInset();
    double room = getHeight() - snappedTopInset() - snappedBottomInset();
    return getHeight() > 0 && content.prefHeight(-1) > room ? width + scrollBarWidth() : width;
  }

  private double scrollBarWidth() {
    for (Node n : lookupAll(".scroll-bar")) {
      if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
        return bar.prefWidth(-1);
      }
    }
    return 0;
  }
}
