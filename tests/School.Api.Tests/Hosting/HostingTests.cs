namespace School.Api.Tests.Hosting;

public sealed class HostingTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/health/ready")]
    public async Task Health_AnswersWithoutSigningIn(string path)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApiDocument_IsServedWithoutSigningIn_AndDescribesTheRoster()
    {
        using var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/auth/token", "/api/me", "/api/students", "/api/students/{id}", "/api/students/{id}/guardians", "/api/staff" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"missing {path}");
        }

        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
    }

    [Fact]
    public async Task ApiReference_IsServedWithoutSigningIn()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/scalar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>A host in Production without a signing key.</summary>
public sealed class ProductionWithoutKeyFactory : SchoolApiFactory
{
    protected override string EnvironmentName => "Production";

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Auth:SigningKey"] = "";
            settings["Seeding:DemoData"] = "false";
            return settings;
        }
    }
}

/// <summary>A host in Development without a signing key.</summary>
public sealed class DevelopmentWithoutKeyFactory : SchoolApiFactory
{
    protected override string EnvironmentName => "Development";

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Auth:SigningKey"] = "";
            return settings;
        }
    }
}

public sealed class SigningKeyTests
{
    [Fact]
    public void Production_WithoutASigningKey_RefusesToStart()
    {
        using var factory = new ProductionWithoutKeyFactory();

        var error = Assert.Throws<InvalidOperationException>(() => factory.Services);

        Assert.Contains("Auth:SigningKey", error.Message);
    }

    [Fact]
    public async Task Development_WithoutASigningKey_GeneratesOneInTheDataDirectory()
    {
        string firstKey;
        using (var first = new DevelopmentWithoutKeyFactory())
        {
            using var client = first.CreateClient();
            var signIn = await client.PostAsJsonAsync("/api/auth/token", new { email = Accounts.Admin, password = DemoData.Password });
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            firstKey = await File.ReadAllTextAsync(Path.Combine(first.DataDirectory, "keys", "jwt-signing.key"));
        }

        Assert.True(Convert.FromBase64String(firstKey).Length >= 32);
    }
}
