package dev.silkscreen.ui.canvas;

import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Instance;

/**
 * One drawn, clickable part of the picture.
 *
 * @param cell     the cell it belongs to (null for the underlay)
 * @param instance the container it belongs to (CONTAINER and VETH only, else null)
 */
public record Part(PartKind kind, Box box, Cell cell, Instance instance) {
}
