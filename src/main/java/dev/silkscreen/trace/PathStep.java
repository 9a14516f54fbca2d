package dev.silkscreen.trace;

import dev.silkscreen.model.PointKind;
import dev.silkscreen.model.Stage;

/**
 * One place a packet must pass on its way: the step it shows there, the cell, the kind of point
 * and, for a veth, the container address that names it.
 */
record PathStep(Stage stage, String cell, PointKind kind, int containerIp) {
}
