namespace Handbook.Site.Security;

/// <summary>A page's <see cref="PageResources"/> as read for <paramref name="SiteOrigin"/> (null when the base URL is unknown).</summary>
public sealed record RecordedPageResources(string? SiteOrigin, PageResources Resources);
