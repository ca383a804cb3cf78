package zoo;

public class Dog extends Pet {
    @Override
    public String name() {
        return "dog";
    }

    @Override
    public String sound() {
        return "woof";
    }
}
