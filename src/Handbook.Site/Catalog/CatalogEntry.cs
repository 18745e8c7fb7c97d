namespace Handbook.Site.Catalog;

using Handbook.JobFamilies.Model;

/// <summary>A parsed page together with its rendered body (the pair every output is made from).</summary>
public sealed record CatalogEntry(JobFamily Family, string BodyHtml);
