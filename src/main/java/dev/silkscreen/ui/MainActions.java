package dev.silkscreen.ui;

/** What the tool bar asks the application to do (it owns the stage, the files and the threads). */
public interface MainActions {
    void openScenario(String name);

    void openCaptures();

    void editScenario();

    /** Opens the connect dialog of a live capture (profile, recording) and starts the session. */
    void live();

    void exportPng();

    void toggleFullScreen();
}
