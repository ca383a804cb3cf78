package dev.coro.fuzz.lib;

/** A point: the simplest record of {@link Sh}. */
public record Pt(int x, int y) implements Sh {}
