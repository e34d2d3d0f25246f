using Bogus;

namespace Banking.Lake;

/// <summary>
/// One independent random stream per (seed, file, batch), so a file's bytes depend only on those and not on which
/// other files were generated or in what order.
/// </summary>
internal static class GeneratorSeeds
{
    public static Faker FakerFor(int seed, string file, int batch) =>
        new("en") { Random = new Randomizer(Mix(seed, file, batch)) };

    private static int Mix(int seed, string file, int batch)
    {
        // FNV-1a: string.GetHashCode is randomized per process and would break determinism.
        uint hash = 2166136261;
        foreach (char c in $"{seed}/{file}/{batch}")
            hash = (hash ^ c) * 16777619;
        return (int)(hash & 0x7FFFFFFF);
    }
}
