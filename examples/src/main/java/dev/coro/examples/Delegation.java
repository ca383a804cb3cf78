package dev.coro.examples;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code Yield.from}: PEP 380's grouper over the averager, and a recursive tree walk of any depth. */
public final class Delegation {
    private Delegation() {}

    /**
     * PEP 380's example: each value sent to the grouper goes straight through to a fresh averager;
     * when the averager returns, its result comes back as the value of {@code Yield.from}.
     *
     * <pre>
     * def grouper(results, key):
     *     while True:
     *         results[key] = yield from averager()
     * </pre>
     */
    @Coroutine
    public static Coro<Double, Double, Void> grouper(Map<String, String> results, String key) {
        while (true) {
            String summary = Yield.from(Averager.averager());
            results.put(key, summary);
        }
    }

    /** A binary tree node. */
    public record Node(int value, Node left, Node right) {}

    /** The values of a tree in order, each subtree delegated to with {@code Yield.from}. */
    @Coroutine
    public static Coro<Integer, Void, Void> inOrder(Node node) {
        if (node == null) return Yield.done();
        Yield.from(inOrder(node.left()));
        Yield.value(node.value());
        Yield.from(inOrder(node.right()));
        return Yield.done();
    }

    /** A tree shaped like a linked list: every node is the left child of the next. */
    static Node leaningLeft(int n) {
        Node tree = null;
        for (int i = 0; i < n; i++) tree = new Node(i, tree, null);
        return tree;
    }

    public static void main(String[] args) {
        Map<String, List<Double>> data = new LinkedHashMap<>();
        data.put("girls;kg", List.of(40.9, 38.5, 44.3, 42.2, 45.2, 41.7, 44.5, 38.0, 40.6, 44.5));
        data.put("boys;m", List.of(1.38, 1.5, 1.32, 1.25, 1.37, 1.48, 1.25, 1.49, 1.46, 1.51));
        Map<String, String> results = new LinkedHashMap<>();
        for (Map.Entry<String, List<Double>> group : data.entrySet()) {
            Coro<Double, Double, Void> g = grouper(results, group.getKey());
            g.next();
            Double average = null;
            for (double v : group.getValue()) average = g.send(v);
            g.send(null); // ends this averager; the grouper starts the next
            System.out.printf("%s: %s, last average %.2f%n", group.getKey(), results.get(group.getKey()), average);
        }

        Node small = new Node(4, new Node(2, new Node(1, null, null), new Node(3, null, null)),
                new Node(6, new Node(5, null, null), null));
        StringBuilder line = new StringBuilder("in order:");
        for (int v : inOrder(small)) line.append(' ').append(v);
        System.out.println(line);

        long count = 0;
        long sum = 0;
        for (int v : inOrder(leaningLeft(100_000))) {
            count++;
            sum += v;
        }
        System.out.println("a tree 100000 levels deep: " + count + " values, sum " + sum);
    }
}
