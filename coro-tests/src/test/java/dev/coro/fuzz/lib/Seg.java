package dev.coro.fuzz.lib;

/** A segment: a record with record components, for nested record patterns ({@code b} may be null). */
public record Seg(Pt a, Pt b) implements Sh {}
