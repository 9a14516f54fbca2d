package dev.silkscreen.ui.steps;

/** A prompt for the class and its answer (revealed on request). */
public record Question(String q, String a) {
}
