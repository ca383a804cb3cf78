package zoo;

public class Cat extends Pet {
    @Override
    public String name() {
        return "cat";
    }

    @Override
    public String sound() {
        return "meow";
    }
}
