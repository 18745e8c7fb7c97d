namespace Handbook.Site.Tests.Versions;

using Handbook.Site.Tests.History;

/// <summary>
/// The history the version cache tests build on: two pages of one department in four commits – five versions, the two
/// newest being the current pages – and a grade table with grades 7 and 8.
/// </summary>
internal static class GardenHistory
{
    public const string Keeper = "job-families/garden/plant-keeper.md";
    public const string Digger = "job-families/garden/digger.md";

    public static TestRepository NewRepository()
    {
        var repo = new TestRepository();
        repo.Write(Fixtures.GradesPath, Fixtures.Grades("7", "8"));
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "Water the plants"));
        repo.Write(Digger, Fixtures.Family("Digger", "7", "Dig")).Commit("Add the garden");
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "8", "Water the plants", "Prune")).Commit("Regrade");
        repo.Write(Digger, Fixtures.Family("Digger", "7", "Dig", "Fill")).Commit("Diggers fill holes too");
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "8", "Water the plants", "Prune", "Weed")).Commit("Weeding");
        return repo;
    }
}
