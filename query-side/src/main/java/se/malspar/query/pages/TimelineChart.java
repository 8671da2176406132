package se.malspar.query.pages;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The timeline chart, drawn on the server as inline SVG: no chart library to load, a few kilobytes,
 * readable without JavaScript, and the same data follows as a table. Time runs left to right; the
 * municipality, riket and länet are lines told apart by dash pattern and marker as well as colour;
 * the målvärde is a stepped line; each ambition-level change is a vertical step that links to its decision.
 */
record TimelineChart(int width, int height, int left, int right, int top, int bottom, List<Tick> xTicks,
                     List<Tick> yTicks, String municipality, String national, String county, String target,
                     List<Marker> markers, List<Dot> dots, boolean hasValues) {

    record Tick(double at, String label) {
    }

    record Marker(double x, String label, String decisionId, String citation) {
    }

    record Dot(double x, double y, String label, String status) {
    }

    private static final int WIDTH = 760;
    private static final int HEIGHT = 320;
    private static final int LEFT = 64;
    private static final int RIGHT = 40;
    private static final int TOP = 24;
    private static final int BOTTOM = 48;

    static TimelineChart of(IndicatorTimeline timeline, Svenska svenska) {
        List<LocalDate> dates = new ArrayList<>();
        timeline.ambitions().forEach(s -> dates.add(s.effectiveFrom()));
        timeline.targets().forEach(s -> dates.add(s.effectiveFrom()));
        timeline.points().forEach(p -> dates.add(p.date()));
        LocalDate first = dates.stream().min(LocalDate::compareTo).orElse(LocalDate.of(2021, 1, 1)).withDayOfYear(1);
        LocalDate last = dates.stream().max(LocalDate::compareTo).orElse(first).plusYears(1).withDayOfYear(1);
        long days = Math.max(1, ChronoUnit.DAYS.between(first, last));

        List<BigDecimal> values = Stream.concat(timeline.points().stream()
                                .flatMap(p -> Stream.of(p.value(), p.national(), p.county())),
                        timeline.targets().stream().map(s -> s.value().path("value"))
                                .filter(v -> v.isNumber()).map(v -> v.decimalValue()))
                .filter(Objects::nonNull).toList();
        boolean hasValues = !values.isEmpty();
        double min = values.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(1);
        double pad = Math.max((max - min) * 0.15, Math.abs(max) * 0.05 + 1);
        double low = Math.floor(min - pad);
        double high = Math.ceil(max + pad);

        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        Function<LocalDate, Double> x = d -> LEFT + plotWidth * (double) ChronoUnit.DAYS.between(first, d) / days;
        Function<Double, Double> y = v -> TOP + plotHeight * (high - v) / (high - low);

        List<Tick> xTicks = new ArrayList<>();
        for (LocalDate year = first; !year.isAfter(last); year = year.plusYears(1)) {
            xTicks.add(new Tick(x.apply(year), String.valueOf(year.getYear())));
        }
        List<Tick> yTicks = new ArrayList<>();
        if (hasValues) {
            for (int i = 0; i <= 4; i++) {
                double v = low + (high - low) * i / 4;
                yTicks.add(new Tick(y.apply(v), svenska.number(BigDecimal.valueOf(v))));
            }
        }
        String municipality = line(timeline.points(), IndicatorTimeline.Point::value, x, y);
        String national = line(timeline.points(), IndicatorTimeline.Point::national, x, y);
        String county = line(timeline.points(), IndicatorTimeline.Point::county, x, y);

        StringBuilder target = new StringBuilder();
        List<IndicatorTimeline.Step> targets = timeline.targets();
        for (int i = 0; i < targets.size(); i++) {
            IndicatorTimeline.Step step = targets.get(i);
            if (!step.value().path("value").isNumber()) {
                continue;
            }
            double level = y.apply(step.value().path("value").doubleValue());
            double from = x.apply(step.effectiveFrom());
            double to = i + 1 < targets.size() ? x.apply(targets.get(i + 1).effectiveFrom()) : WIDTH - RIGHT;
            target.append(target.isEmpty() ? "M" : " M").append(fmt(from)).append(' ').append(fmt(level))
                    .append(" H").append(fmt(to));
        }
        List<Marker> markers = timeline.ambitions().stream().map(s -> new Marker(x.apply(s.effectiveFrom()),
                s.effectiveFrom() + ": ”" + s.value().path("text").asText() + "”",
                s.decision() == null ? null : s.decision().decisionId().value(),
                s.decision() == null ? null : s.decision().citation())).toList();
        List<Dot> dots = timeline.points().stream().filter(p -> p.value() != null).map(p -> new Dot(x.apply(p.date()),
                y.apply(p.value().doubleValue()), svenska.period(p.period()) + ": " + svenska.number(p.value()),
                timeline.verdicts().stream().filter(v -> v.period().equals(p.period()))
                        .map(IndicatorTimeline.Verdict::status).findFirst().orElse(null))).toList();
        return new TimelineChart(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM, xTicks, yTicks, municipality, national,
                county, target.toString(), markers, dots, hasValues);
    }

    private static String line(List<IndicatorTimeline.Point> points, Function<IndicatorTimeline.Point, BigDecimal> value,
                               Function<LocalDate, Double> x, Function<Double, Double> y) {
        StringBuilder path = new StringBuilder();
        for (IndicatorTimeline.Point p : points) {
            BigDecimal v = value.apply(p);
            if (v != null) {
                path.append(path.isEmpty() ? "M" : " L").append(fmt(x.apply(p.date()))).append(' ')
                        .append(fmt(y.apply(v.doubleValue())));
            }
        }
        return path.toString();
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    public int plotRight() {
        return width - right;
    }

    public int plotBottom() {
        return height - bottom;
    }
}
