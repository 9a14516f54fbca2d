package dev.silkscreen.ui.events;

import dev.silkscreen.filter.DisplayFilter;
import dev.silkscreen.filter.FilterException;
import dev.silkscreen.filter.JourneyFilter;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Verdict;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The event and journey lists' filter: by app (source or destination, by name), address (overlay
 * IP, prefix match), port (source or destination), verdict and step, and by a display filter in
 * Wireshark's language (an event matches when its sighting does, a journey when one of its
 * sightings does). Empty fields match everything. Exposes one predicate that changes whenever a
 * field does; a display filter that does not compile leaves the last good one in force and says
 * why in {@link #errorProperty()}.
 */
public final class EventFilter {
    // Properties
    private final StringProperty app = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("");
    private final ObjectProperty<Verdict> verdict = new SimpleObjectProperty<>();
    /** 0 for any step. */
    private final IntegerProperty step = new SimpleIntegerProperty(0);
    private final StringProperty expression = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<FilterException> error = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<JourneyFilter> compiled = new SimpleObjectProperty<>();
    private final ObjectBinding<Predicate<EventRow>> events;
    private final ObjectBinding<Predicate<Journey>> journeys;

    public EventFilter() {
        expression.addListener((o, a, b) -> compile(b));
        events = Bindings.createObjectBinding(() -> this::matches, app, address, port, verdict, step, compiled);
        journeys = Bindings.createObjectBinding(() -> this::matchesJourney, app, address, port, verdict, compiled);
    }

    /** The display filter's text ({@code vxlan.gbp == 4 && silk.verdict == dropped}); blank for none. */
    public StringProperty expressionProperty() {
        return expression;
    }

    /** Why the display filter's text does not compile (with the bad token's position), null when it does. */
    public ReadOnlyObjectProperty<FilterException> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public StringProperty appProperty() {
        return app;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty portProperty() {
        return port;
    }

    public ObjectProperty<Verdict> verdictProperty() {
        return verdict;
    }

    public IntegerProperty stepProperty() {
        return step;
    }

    public ObjectBinding<Predicate<EventRow>> eventPredicate() {
        return events;
    }

    public ObjectBinding<Predicate<Journey>> journeyPredicate() {
        return journeys;
    }

    // Commands

    public void clear() {
        app.set("");
        address.set("");
        port.set("");
        verdict.set(null);
        step.set(0);
        expression.set("");
    }

    public boolean matches(EventRow row) {
        JourneyFilter f = compiled.get();
        return (step.get() == 0 || row.step() == step.get()) && matchesFields(row.source())
                && (f == null || f.testSighting(row.source(), row.hop()));
    }

    public boolean matchesJourney(Journey j) {
        JourneyFilter f = compiled.get();
        return matchesFields(j) && (f == null || f.test(j));
    }

    private void compile(String text) {
        if (text == null || text.isBlank()) {
            error.set(null);
            compiled.set(null);
            return;
        }
        try {
            compiled.set(new JourneyFilter(DisplayFilter.compile(text)));
            error.set(null);
        } catch (FilterException e) {
            error.set(e);
        }
    }

    private boolean matchesFields(Journey j) {
        String a = app.get().trim().toLowerCase(Locale.ROOT);
        if (!a.isEmpty() && !contains(j.srcApp(), a) && !contains(j.dstApp(), a)) {
            return false;
        }
        String ip = address.get().trim();
        if (!ip.isEmpty() && !j.flow().src().startsWith(ip) && !j.flow().dst().startsWith(ip)) {
            return false;
        }
        String p = port.get().trim();
        if (!p.isEmpty()) {
            int want;
            try {
                want = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                return false;
            }
            if (j.flow().sport() != want && j.flow().dport() != want) {
                return false;
            }
        }
        return verdict.get() == null || j.verdict() == verdict.get();
    }

    private static boolean contains(String name, String needle) {
        return name != null && name.toLowerCase(Locale.ROOT).contains(needle);
    }
}
