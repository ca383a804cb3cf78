package dev.coro.weaver;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Allocation pass: maps each saved local of each suspension point to a field of the frame class.
 * Fields are typed by kind (int, long, float, double, reference: no boxing) and shared between
 * suspension points; a kind has as many fields as the most any one point saves. So a generator
 * with two live {@code long}s costs two {@code long} fields, whatever its size.
 */
final class FrameLayout {

    /** The five kinds of field. {@code int} also holds boolean, byte, char and short. */
    enum Kind {
        INT("i", "I", Opcodes.ILOAD, Opcodes.ISTORE),
        LONG("j", "J", Opcodes.LLOAD, Opcodes.LSTORE),
        FLOAT("f", "F", Opcodes.FLOAD, Opcodes.FSTORE),
        DOUBLE("d", "D", Opcodes.DLOAD, Opcodes.DSTORE),
        REF("a", Names.OBJECT_DESC, Opcodes.ALOAD, Opcodes.ASTORE);

        final String prefix;
        final String desc;
        final int load;
        final int store;

        Kind(String prefix, String desc, int load, int store) {
            this.prefix = prefix;
            this.desc = desc;
            this.load = load;
            this.store = store;
        }

        /** The kind of a value of type {@code t}, or null for the always-null type (nothing to save). */
        static Kind of(Type t) {
            switch (t.getSort()) {
                case Type.BOOLEAN: case Type.BYTE: case Type.CHAR: case Type.SHORT: case Type.INT: return INT;
                case Type.LONG: return LONG;
                case Type.FLOAT: return FLOAT;
                case Type.DOUBLE: return DOUBLE;
                default: return TypedInterpreter.NULL_TYPE.equals(t) ? null : REF;
            }
        }
    }

    /** One field of the frame class. */
    record Field(String name, Kind kind) {}

    /** Where one saved local goes; {@code field} is null for an always-null local (restored as null). */
    record Slot(LivenessAnalyzer.Saved saved, Field field) {}

    private final Map<Kind, Integer> counts = new HashMap<>();

    /** Assigns fields to one point's saved locals (in slot order, a counter per kind). */
    List<Slot> assign(List<LivenessAnalyzer.Saved> saved) {
        Map<Kind, Integer> used = new HashMap<>();
        List<Slot> out = new ArrayList<>();
        for (LivenessAnalyzer.Saved s : saved) {
            Kind k = Kind.of(s.type());
            if (k == null) {
                out.add(new Slot(s, null));
                continue;
            }
            int index = used.merge(k, 1, Integer::sum) - 1;
            counts.merge(k, index + 1, Math::max);
            out.add(new Slot(s, new Field(k.prefix + index, k)));
        }
        return List.copyOf(out);
    }

    /** Every field allocated so far, kind by kind. */
    List<Field> fields() {
        List<Field> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            for (int i = 0; i < counts.getOrDefault(k, 0); i++) out.add(new Field(k.prefix + i, k));
        }
        return out;
    }

    /** The reference fields a point using {@code slots} leaves unused: they are nulled when it suspends. */
    List<Field> unusedReferenceFields(List<Slot> slots) {
        int used = 0;
        for (Slot s : slots) {
            if (s.field() != null && s.field().kind() == Kind.REF) used++;
        }
        List<Field> out = new ArrayList<>();
        for (int i = used; i < counts.getOrDefault(Kind.REF, 0); i++) out.add(new Field("a" + i, Kind.REF));
        return out;
    }
}
