package dev.coro.weaver;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Allocation (a value): maps each saved local of each suspension point to a field of the frame class.
 *
 * <p>Fields are typed by kind ({@code int}, {@code long}, {@code float}, {@code double},
 * {@code Object}: no boxing) and shared between suspension points; a kind has as many fields as the
 * most any one point saves. So a generator with two live {@code long}s costs two {@code long} fields,
 * whatever its size. A reference whose class the woven class may not name (a package-private class
 * of another package) gets a field of its own exact type instead, so that restoring it needs no
 * {@code CHECKCAST}: field descriptors are never access-checked.
 *
 * @param fields every field, in declaration order
 * @param points for each suspension point (in the order given to {@link #of}), where its locals go
 */
record FrameLayout(List<Field> fields, List<List<Slot>> points) {

    /** The kinds of field. {@code INT} also holds boolean, byte, char and short; {@code TYPED} one exact reference type. */
    enum Kind {
        INT("i", "I", Opcodes.ILOAD, Opcodes.ISTORE),
        LONG("j", "J", Opcodes.LLOAD, Opcodes.LSTORE),
        FLOAT("f", "F", Opcodes.FLOAD, Opcodes.FSTORE),
        DOUBLE("d", "D", Opcodes.DLOAD, Opcodes.DSTORE),
        REF("a", Names.OBJECT_DESC, Opcodes.ALOAD, Opcodes.ASTORE),
        TYPED("t", null, Opcodes.ALOAD, Opcodes.ASTORE);

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

        /** The kind of a saved value, or null for the always-null type (nothing to save). */
        static Kind of(LivenessAnalyzer.Saved s) {
            if (TypedInterpreter.NULL_TYPE.equals(s.type())) return null;
            Kind k = exactly(s.type());
            return k == TYPED && s.nameable() ? REF : k;
        }

        /** The kind of a field declared with exactly type {@code t} (a parameter's, the receiver's). */
        static Kind exactly(Type t) {
            switch (t.getSort()) {
                case Type.BOOLEAN: case Type.BYTE: case Type.CHAR: case Type.SHORT: case Type.INT: return INT;
                case Type.LONG: return LONG;
                case Type.FLOAT: return FLOAT;
                case Type.DOUBLE: return DOUBLE;
                default: return TYPED;
            }
        }

        boolean isReference() {
            return this == REF || this == TYPED;
        }
    }

    /** One field of the frame class: {@code kind} is never null, {@code desc} its exact type ({@code kind.desc} unless TYPED). */
    record Field(String name, Kind kind, String desc) {
        Field {
            java.util.Objects.requireNonNull(kind, name);
        }
    }

    /** Where one saved local goes; {@code field} is null for an always-null local (restored as null). */
    record Slot(LivenessAnalyzer.Saved saved, Field field) {
        /** The restore needs a cast: an {@code Object} field holding a value of a more precise type. */
        boolean needsCast() {
            return field != null && field.kind() == Kind.REF && !Names.OBJECT_TYPE.equals(saved.type());
        }
    }

    /** Lays out the frame for points that save {@code saved.get(k)} (in slot order, a counter per pool). */
    static FrameLayout of(List<List<LivenessAnalyzer.Saved>> saved) {
        // A pool is a kind, or for TYPED one exact descriptor; its fields are numbered per kind.
        Map<String, Integer> poolSizes = new LinkedHashMap<>();
        Map<String, Kind> poolKinds = new HashMap<>();
        List<List<String[]>> picks = new ArrayList<>(); // per point, per saved: {pool, index} or null
        for (List<LivenessAnalyzer.Saved> point : saved) {
            Map<String, Integer> used = new HashMap<>();
            List<String[]> row = new ArrayList<>();
            for (LivenessAnalyzer.Saved s : point) {
                Kind k = Kind.of(s);
                if (k == null) {
                    row.add(null);
                    continue;
                }
                String pool = k == Kind.TYPED ? s.type().getDescriptor() : k.name();
                int index = used.merge(pool, 1, Integer::sum) - 1;
                poolSizes.merge(pool, index + 1, Math::max);
                poolKinds.put(pool, k);
                row.add(new String[] {pool, Integer.toString(index)});
            }
            picks.add(row);
        }

        Map<String, List<Field>> byPool = new HashMap<>();
        List<Field> fields = new ArrayList<>();
        Map<Kind, Integer> numbered = new HashMap<>();
        for (Kind k : Kind.values()) {
            for (Map.Entry<String, Integer> pool : poolSizes.entrySet()) {
                if (poolKinds.get(pool.getKey()) != k) continue;
                List<Field> list = new ArrayList<>();
                for (int i = 0; i < pool.getValue(); i++) {
                    int n = numbered.merge(k, 1, Integer::sum) - 1;
                    Field f = new Field(k.prefix + n, k, k == Kind.TYPED ? pool.getKey() : k.desc);
                    list.add(f);
                    fields.add(f);
                }
                byPool.put(pool.getKey(), list);
            }
        }

        List<List<Slot>> points = new ArrayList<>();
        for (int p = 0; p < saved.size(); p++) {
            List<Slot> slots = new ArrayList<>();
            for (int i = 0; i < saved.get(p).size(); i++) {
                String[] pick = picks.get(p).get(i);
                Field f = pick == null ? null : byPool.get(pick[0]).get(Integer.parseInt(pick[1]));
                slots.add(new Slot(saved.get(p).get(i), f));
            }
            points.add(List.copyOf(slots));
        }
        return new FrameLayout(List.copyOf(fields), List.copyOf(points));
    }

    /** The reference fields point {@code k} leaves unused: they are nulled when it suspends. */
    List<Field> unusedReferenceFields(int k) {
        List<Field> out = new ArrayList<>();
        for (Field f : fields) {
            if (!f.kind().isReference()) continue;
            boolean used = false;
            for (Slot s : points.get(k)) {
                if (f.equals(s.field())) used = true;
            }
            if (!used) out.add(f);
        }
        return out;
    }
}
