using School.Api.Http;

namespace School.Api.Tests.Errors;

/// <summary>
/// The request contract and the one place that reads the serializer's messages, pinned against the real serializer: if a
/// runtime update rewords "missing required properties", this fails here rather than turning 400s into vague ones.
/// </summary>
public sealed class JsonFailuresTests
{
    public sealed record Inner(string Name, int Count);

    public sealed record Outer(int Allowance, bool Active, Guid? Supervisor, string? Note, Inner? Nested, IReadOnlyList<int>? Years, bool Flag = true);

    public sealed record WithLongText(string Title, [property: System.ComponentModel.DataAnnotations.MaxLength(50_000)] string Passport);

    private static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new NoNulStringConverter());
        RequestContract.Configure(options);
        return options;
    }

    private static Dictionary<string, string[]> Failure<T>(string json) =>
        JsonFailures.Describe(Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<T>(json, Options)));

    [Fact]
    public void MissingFieldsThatAreNotNullable_AreEachNamed()
    {
        var errors = Failure<Outer>("{}");

        Assert.Equal(new[] { "active", "allowance" }, errors.Keys.Order());
    }

    [Fact]
    public void NullableFieldsAndFieldsWithDefaults_AreOptional()
    {
        var outer = JsonSerializer.Deserialize<Outer>("""{"allowance":5,"active":false}""", Options)!;

        Assert.Equal(new Outer(5, false, null, null, null, null), outer);
    }

    [Fact]
    public void AMissingNestedField_IsNamedWithItsPath()
    {
        var errors = Failure<Outer>("""{"allowance":5,"active":false,"nested":{"name":"x"}}""");

        Assert.Equal(new[] { "nested.count" }, errors.Keys);
    }

    [Fact]
    public void NullForAFieldThatIsNotNullable_IsNamed()
    {
        Assert.Equal(new[] { "nested.name" }, Failure<Outer>("""{"allowance":5,"active":false,"nested":{"name":null,"count":1}}""").Keys);
        Assert.Equal(new[] { "allowance" }, Failure<Outer>("""{"allowance":null,"active":false}""").Keys);
    }

    [Fact]
    public void AWrongType_NamesTheField_AndBrokenJson_NamesTheBody()
    {
        Assert.Equal(new[] { "allowance" }, Failure<Outer>("""{"allowance":"five","active":false}""").Keys);
        Assert.Equal(new[] { "years[1]" }, Failure<Outer>("""{"allowance":1,"active":false,"years":[1,"x"]}""").Keys);
        Assert.Equal(new[] { "body" }, Failure<Outer>("""{"allowance":1,""").Keys);
        Assert.Equal(new[] { "body" }, Failure<Outer>("[]").Keys);
    }

    [Fact]
    public void TextLongerThanTheLimit_IsRefused_UnlessThePropertyAllowsMore()
    {
        var tooLong = new string('x', RequestContract.MaxTextLength + 1);

        var errors = Failure<Inner>($$"""{"name":"{{tooLong}}","count":1}""");
        Assert.Contains($"{RequestContract.MaxTextLength}", Assert.Single(errors["name"]), StringComparison.Ordinal);
        Assert.Equal(new[] { "title" }, Failure<WithLongText>($$"""{"title":"{{tooLong}}","passport":"x"}""").Keys);
        Assert.Equal(tooLong, JsonSerializer.Deserialize<WithLongText>($$"""{"title":"x","passport":"{{tooLong}}"}""", Options)!.Passport);
        Assert.Equal(new[] { "passport" }, Failure<WithLongText>($$"""{"title":"x","passport":"{{new string('x', 50_001)}}"}""").Keys);
    }

    [Fact]
    public void TheSerializersMissingFieldsMessage_IsReadExactly()
    {
        Assert.Equal(new[] { "a", "bC" }, JsonFailures.MissingRequired("JSON deserialization for type 'T' was missing required properties including: 'a', 'bC'."));
        Assert.Empty(JsonFailures.MissingRequired("The JSON value could not be converted to System.Int32. Path: $.a"));
    }
}
