namespace Handbook.Site.Tests.Versions;

/// <summary>One replay of the real history for every test class that needs it (version discovery and the versioned site).</summary>
[CollectionDefinition(ReplayedSite.Collection)]
public sealed class ReplayedSiteCollection : ICollectionFixture<ReplayedSite>
{
}
