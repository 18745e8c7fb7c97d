namespace Handbook.Site.Serialization;

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

/// <summary>
/// The typed metadata of <typeparamref name="T"/> in options whose resolver is a source-generated context.
/// </summary>
/// <remarks>
/// Why: the published tool is compiled ahead of time (Native AOT, issue 9), where <c>JsonSerializer</c>'s overloads
/// that take options look the type up by reflection and throw ("reflection-based serialization has been disabled").
/// The overloads that take a <see cref="JsonTypeInfo{T}"/> need no reflection; taking it from the options keeps
/// their naming, encoder and converters, so the bytes are the same.
/// </remarks>
internal static class JsonTypeInfoOf
{
    public static JsonTypeInfo<T> TypeInfo<T>(this JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }
}
