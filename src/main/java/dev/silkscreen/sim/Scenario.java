package dev.silkscreen.sim;

/** A named scenario: a foundation, its faults and its traffic ({@link ScenarioSpec}). */
public record Scenario(String name, String description, ScenarioSpec spec) {
}
