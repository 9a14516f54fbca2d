package dev.silkscreen.ui;

/** What the tool bar asks the application to do (it owns the stage, the files and the threads). */
public interface MainActions {
    void openScenario(String name);

    void openCaptures();

    void editScenario();

    void exportPng();

    void toggleFullScreen();
}
