package dev.coro.fuzz.lib;

/** A label: a record with an {@code Object} component, for conditional nested type patterns. */
public record Lbl(String s, Object o) implements Sh {}
