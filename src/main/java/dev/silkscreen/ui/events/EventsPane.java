package dev.silkscreen.ui.events;

import dev.silkscreen.model.Hop;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.SafeText;
import dev.silkscreen.model.Stage;
import dev.silkscreen.model.Verdict;
import dev.silkscreen.ui.main.MainModel;
import dev.silkscreen.ui.playback.Schedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The event list (every sighting: time, point, step, summary) and the journey list (each
 * packet's verdict), under one filter bar. Choosing a row follows that packet.
 */
public final class EventsPane extends VBox {
    /** Most events listed; beyond this the list says how many were left out. */
    public static final int MAX_EVENTS = 50_000;
    private final MainModel model;
    private final EventFilter filter = new EventFilter();
    private final ObservableList<EventRow> events = FXCollections.observableArrayList();
    private final ObservableList<Journey> journeys = FXCollections.observableArrayList();
    private final TableView<EventRow> eventTable = new TableView<>();
    private final TableView<Journey> journeyTable = new TableView<>();
    private final Label note = new Label();
    private Schedule schedule;

    public EventsPane(MainModel model, boolean showJourneys) {
        this.model = model;
        getStyleClass().add("events-pane");
        setSpacing(6);
        setPadding(new Insets(6));
        FilteredList<EventRow> shownEvents = new FilteredList<>(events);
        shownEvents.predicateProperty().bind(filter.eventPredicate());
        FilteredList<Journey> shownJourneys = new FilteredList<>(journeys);
        shownJourneys.predicateProperty().bind(filter.journeyPredicate());
        buildEventTable();
        buildJourneyTable();
        eventTable.setItems(shownEvents);
        journeyTable.setItems(shownJourneys);
        model.runProperty().addListener((o, a, b) -> reload());
        getChildren().add(filterBar());
        TableView<?> table = showJourneys ? journeyTable : eventTable;
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(table, note);
        reload();
    }

    public EventFilter filter() {
        return filter;
    }

    public TableView<EventRow> eventTable() {
        return eventTable;
    }

    public TableView<Journey> journeyTable() {
        return journeyTable;
    }

    private FlowPane filterBar() {
        TextField app = field("app", "Filter by app name", filter.appProperty());
        TextField addr = field("address", "Filter by overlay address (prefix)", filter.addressProperty());
        TextField port = field("port", "Filter by port", filter.portProperty());
        port.setPrefColumnCount(5);
        ComboBox<Verdict> verdict = new ComboBox<>();
        verdict.getItems().add(null);
        verdict.getItems().addAll(Verdict.values());
        verdict.setPromptText("verdict");
        verdict.setAccessibleText("Filter by verdict");
        verdict.setConverter(new StringConverter<>() {
            @Override
            public String toString(Verdict v) {
                return v == null ? "any verdict" : v.word();
            }

            @Override
            public Verdict fromString(String s) {
                return null;
            }
        });
        verdict.valueProperty().bindBidirectional(filter.verdictProperty());
        ComboBox<Integer> step = new ComboBox<>();
        for (int i = 0; i <= 11; i++) {
            step.getItems().add(i);
        }
        step.setValue(0);
        step.setAccessibleText("Filter by step");
        step.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer s) {
                return s == null || s == 0 ? "any step" : "step " + s;
            }

            @Override
            public Integer fromString(String s) {
                return 0;
            }
        });
        step.valueProperty().addListener((o, a, b) -> filter.stepProperty().set(b == null ? 0 : b));
        Button clear = new Button("Clear");
        clear.setAccessibleText("Clear all filters");
        clear.setOnAction(e -> {
            filter.clear();
            step.setValue(0);
        });
        FlowPane bar = new FlowPane(6, 6, app, addr, port, verdict, step, clear, new FilterBar(filter));
        return bar;
    }

    private static TextField field(String prompt, String help, javafx.beans.property.StringProperty p) {
        TextField t = new TextField();
        t.setPromptText(prompt);
        t.setAccessibleText(help);
        t.setPrefColumnCount(8);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    private void buildEventTable() {
        eventTable.getColumns().setAll(List.of(
                column("Time (s)", r -> String.format(Locale.ROOT, "%.6f", r.seconds())),
                column("Point", EventRow::point),
                column("Step", r -> r.step() + " " + Stage.of(r.step()).title()),
                column("Summary", EventRow::summary)));
        eventTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        eventTable.setAccessibleText("Events: every sighting of every packet");
        eventTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.selectJourney(b.journey());
            }
        });
    }

    private void buildJourneyTable() {
        TableColumn<Journey, String> id = new TableColumn<>("#");
        id.setCellValueFactory(c -> new ReadOnlyStringWrapper(SafeText.line(Long.toString(c.getValue().id()))));
        TableColumn<Journey, String> what = new TableColumn<>("Packet");
        what.setCellValueFactory(c -> new ReadOnlyStringWrapper(SafeText.line(c.getValue().summary() + " "
                + name(c.getValue().srcApp(), c.getValue().flow().src()) + " → "
                + name(c.getValue().dstApp(), c.getValue().flow().dst()) + ":" + c.getValue().flow().dport())));
        TableColumn<Journey, String> verdict = new TableColumn<>("Verdict");
        verdict.setCellValueFactory(c -> new ReadOnlyStringWrapper(SafeText.line(verdictText(c.getValue()))));
        TableColumn<Journey, String> reason = new TableColumn<>("Reason");
        reason.setCellValueFactory(c -> new ReadOnlyStringWrapper(SafeText.line(c.getValue().reason() == null ? "" : c.getValue().reason())));
        journeyTable.getColumns().setAll(List.of(id, what, verdict, reason));
        journeyTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        journeyTable.setAccessibleText("Journeys with their verdicts");
        journeyTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && schedule != null) {
                model.selectJourney(schedule.indexOf(b));
            }
        });
    }

    /** Verdict with a shape, never colour alone: ✓ delivered, ✗ dropped. */
    static String verdictText(Journey j) {
        return switch (j.verdict()) {
            case DELIVERED -> "✓ delivered";
            case DROPPED -> "✗ dropped at " + j.dropStage();
            case IN_FLIGHT -> "… in flight";
            case UNKNOWN -> "? unknown";
        };
    }

    private static String name(String app, String ip) {
        return app == null ? ip : app;
    }

    private static <T> TableColumn<T, String> column(String title, java.util.function.Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(SafeText.line(f.apply(cd.getValue()))));
        return c;
    }

    /**
     * The journeys in time order (first sighting, corrected clocks; then by id): a live session's
     * store adds them as they are decided, which is not when they happened.
     */
    static List<Journey> inTimeOrder(List<Journey> journeys) {
        List<Journey> out = new ArrayList<>(journeys);
        out.sort(java.util.Comparator.comparingLong((Journey j) -> j.hops().isEmpty() ? Long.MAX_VALUE : j.hops().get(0).timeNanos())
                .thenComparingLong(Journey::id));
        return out;
    }

    private void reload() {
        schedule = model.playback().schedule();
        List<EventRow> rows = new ArrayList<>();
        long t0 = Long.MAX_VALUE;
        for (Journey j : schedule.journeys()) {
            for (Hop h : j.hops()) {
                t0 = Math.min(t0, h.timeNanos());
            }
        }
        long total = 0;
        for (int i = 0; i < schedule.size(); i++) {
            Journey j = schedule.journey(i);
            for (Hop h : j.hops()) {
                total++;
                if (rows.size() < MAX_EVENTS) {
                    rows.add(EventRow.of(i, j, h, t0));
                }
            }
        }
        rows.sort(java.util.Comparator.comparingDouble(EventRow::seconds));
        events.setAll(rows);
        journeys.setAll(inTimeOrder(schedule.journeys()));
        note.setText(total > rows.size() ? "Showing the first " + rows.size() + " of " + total + " events." : "");
    }
}
