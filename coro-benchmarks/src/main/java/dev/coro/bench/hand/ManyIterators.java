package dev.coro.bench.hand;

import java.util.Iterator;

/**
 * (H) The hand-written counterpart of {@code ManyTypes}: 16 identical Fibonacci {@code Iterator<Long>}
 * classes. (A hand-written iterator needs no state label: it has one suspension point.)
 */
public final class ManyIterators {
    private ManyIterators() {}

    /** A new iterator of class {@code k} (0 .. 15). */
    public static Iterator<Long> of(int k) {
        switch (k) {
            case 0: return new It0();
            case 1: return new It1();
            case 2: return new It2();
            case 3: return new It3();
            case 4: return new It4();
            case 5: return new It5();
            case 6: return new It6();
            case 7: return new It7();
            case 8: return new It8();
            case 9: return new It9();
            case 10: return new It10();
            case 11: return new It11();
            case 12: return new It12();
            case 13: return new It13();
            case 14: return new It14();
            case 15: return new It15();
            default: throw new IllegalArgumentException("class " + k);
        }
    }

    /** Type 0. */
    public static final class It0 implements Iterator<Long> {
        private long a, b = 1;

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Long next() {
            long r = a;
            long t = a + b;
            a = b;
            b = t;
            return r;
        }
    }

    /** Type 1. */
    public static final class It1 implements Iterator<Long> {
        private long a, b = 1;

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Long next() {
            long r = a;
            long t = a + b;
            a = b;
            b = t;
            return r;
        }
    }

    /** Type 2. */
    public static final class It2 implements Iterator<Long> {
        private long a, b = 1;

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Long next() {
            long r = a;
            long t = a + b;
            a = b;
            b = t;
            return r;
        }
    }

    /** Type 3. */
    public static final class It3 implements Iterator<Long> {
        private long a, b = 1;

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Long next() {
            long r = a;
            long t = a + b;
            a = b;
            b = t;
            return r;
        }
    }

    /** Type 4. */
    public static final class It4 implements Iterator<Long> {
        private long a, b = 1;

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Long next() {
            long r = a;
            long t = a + b;
            a = b;
            b = t;
            return r;
        }
    }

    /** Type 5. */
    public static final class It5 implements Iterator<Long> {
        private long a, b = 1;

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Long next() {
            long r = a;
            long t = a + b;
            a = b;
            b = t;
            return r;
        }
    }

    /** Type 6. */
    public static final class It6 implements Iterator<Long> {
        private long a, b = 1;

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Long next() {
            long r = a;
            long t = a + b;
            a = b;
            b = t;
            return r;
        }
    }

    /** Type 7. */
    public static final class It7 implements Iterator<Long> {
        private long a, b = 1;

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Long next() {
            long r = a;
            long t = a + b;
            a = b;
            b = t;
            return r;
        }
    }

    /** Type 8. */
    public static final class It8 implements Iterator<Long> {
        private long a, b = 1;

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Long next() {
            long r = a;
            long t = a + b;
            a = b;
            b = t;
            return r;
        }
    }

    /** Type 9. */
    public static final class It9 implements Iterator<Long> {
        private long a, b = 1;

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Long next() {
            long r = a;
            long t = a + b;
            a = b;
            b = t;
            return r;
        }
    }

    /** Type 10. */
    public static final class It10 implements Iterator<Long> {
        private long a, b = 1;

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Long next() {
            long r = a;
            long t = a + b;
            a = b;
            b = t;
            return r;
        }
    }

    /** Type 11. */
    public static final class It11 implements Iterator<Long> {
        private long a, b = 1;

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Long next() {
            long r = a;
            long t = a + b;
            a = b;
            b = t;
            return r;
        }
    }

    /** Type 12. */
    public static final class It12 implements Iterator<Long> {
        private long a, b = 1;

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Long next() {
            long r = a;
            long t = a + b;
            a = b;
            b = t;
            return r;
        }
    }

    /** Type 13. */
    public static final class It13 implements Iterator<Long> {
        private long a, b = 1;

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Long next() {
            long r = a;
            long t = a + b;
            a = b;
            b = t;
            return r;
        }
    }

    /** Type 14. */
    public static final class It14 implements Iterator<Long> {
        private long a, b = 1;

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Long next() {
            long r = a;
            long t = a + b;
            a = b;
            b = t;
            return r;
        }
    }

    /** Type 15. */
    public static final class It15 implements Iterator<Long> {
        private long a, b = 1;

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Long next() {
            long r = a;
            long t = a + b;
            a = b;
            b = t;
            return r;
        }
    }
}
