package dev.coro.weaver;

import dev.coro.weaver.LivenessAnalyzer.Saved;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link FrameLayout#of}: the frame's fields (one pool per kind, shared between suspension points,
 * as many as the most any point saves; an exact type for a class the woven code may not name) and
 * where each point's saved locals go, rendered as {@code slot->field} ({@code (cast)} when restoring
 * needs a CHECKCAST).
 */
class FrameLayoutTest {
    private static Saved saved(int slot, String desc) {
        return new Saved(slot, Type.getType(desc), true);
    }

    private static Saved hidden(int slot, String desc) {
        return new Saved(slot, Type.getType(desc), false);
    }

    private static List<String> fields(FrameLayout l) {
        return l.fields().stream().map(f -> f.name() + " " + f.desc()).toList();
    }

    private static List<String> points(FrameLayout l) {
        List<String> out = new ArrayList<>();
        for (List<FrameLayout.Slot> point : l.points()) {
            List<String> row = new ArrayList<>();
            for (FrameLayout.Slot s : point) {
                row.add(s.saved().slot() + "->" + (s.field() == null ? "null" : s.field().name())
                        + (s.needsCast() ? "(cast)" : ""));
            }
            out.add(String.join(" ", row));
        }
        return out;
    }

    @Test
    void primitivesKeepTheirKindAndFieldsAreSharedBetweenPoints() {
        FrameLayout l = FrameLayout.of(List.of(
                List.of(saved(0, "I"), saved(1, "J"), saved(3, "Ljava/lang/String;"), saved(4, "F")),
                List.of(saved(0, "Z"), saved(2, "C"), saved(5, "Ljava/lang/Object;"), saved(6, "D"), saved(8, "S")),
                List.of()));
        assertEquals(List.of("i0 I", "i1 I", "i2 I", "j0 J", "f0 F", "d0 D", "a0 Ljava/lang/Object;"), fields(l));
        assertEquals(List.of("0->i0 1->j0 3->a0(cast) 4->f0", "0->i0 2->i1 5->a0 6->d0 8->i2", ""), points(l));
        assertEquals(List.of(), l.unusedReferenceFields(0));
        assertEquals(List.of(), l.unusedReferenceFields(1));
        assertEquals(List.of("a0"), l.unusedReferenceFields(2).stream().map(FrameLayout.Field::name).toList());
    }

    @Test
    void aClassTheWovenCodeMayNotNameGetsAFieldOfItsExactTypePerType() {
        String asb = "Ljava/lang/AbstractStringBuilder;";
        FrameLayout l = FrameLayout.of(List.of(
                List.of(hidden(0, asb), saved(1, "Ljava/lang/String;"), hidden(2, "Lp/Hidden;")),
                List.of(hidden(3, asb), hidden(4, asb), saved(5, "Lnull;")),
                List.of(saved(6, "I"))));
        assertEquals(List.of("i0 I", "a0 Ljava/lang/Object;", "t0 " + asb, "t1 " + asb, "t2 Lp/Hidden;"), fields(l));
        assertEquals(List.of("0->t0 1->a0(cast) 2->t2", "3->t0 4->t1 5->null", "6->i0"), points(l));
        assertEquals(List.of("t1"), l.unusedReferenceFields(0).stream().map(FrameLayout.Field::name).toList());
        assertEquals(List.of("a0", "t2"), l.unusedReferenceFields(1).stream().map(FrameLayout.Field::name).toList());
        assertEquals(List.of("a0", "t0", "t1", "t2"),
                l.unusedReferenceFields(2).stream().map(FrameLayout.Field::name).toList());
    }

    @Test
    void anArrayOfAnUnnameableClassIsTypedAndAPrimitiveArrayIsAReference() {
        FrameLayout l = FrameLayout.of(List.of(List.of(saved(0, "[I"), hidden(1, "[Lp/Hidden;"))));
        assertEquals(List.of("a0 Ljava/lang/Object;", "t0 [Lp/Hidden;"), fields(l));
        assertEquals(List.of("0->a0(cast) 1->t0"), points(l));
    }

    @Test
    void theLayoutIsAValue() {
        List<List<Saved>> input = List.of(List.of(saved(0, "I"), saved(1, "Ljava/lang/String;")));
        FrameLayout a = FrameLayout.of(input);
        assertEquals(a, FrameLayout.of(input));
        assertThrows(UnsupportedOperationException.class, () -> a.fields().clear());
        assertThrows(UnsupportedOperationException.class, () -> a.points().get(0).clear());
    }
}
