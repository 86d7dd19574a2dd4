using System.Net.Http.Headers;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace School.Api.Tests.OpenApi;

/// <summary>
/// What an API client does with the document: generate a typed C# client from /openapi/v1.json (NSwag), compile it
/// (Roslyn, in memory), then sign in and read a student through it, with typed members.
/// </summary>
public sealed class GeneratedClientTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    [Fact]
    public async Task AClientGeneratedFromTheDocument_SignsIn_AndReadsAStudentWithTypedMembers()
    {
        using var http = factory.CreateClient();
        var assembly = Compile(await Generate(await http.GetStringAsync("/openapi/v1.json")));
        var clientType = assembly.GetType("Generated.SchoolClient", throwOnError: true)!;
        dynamic client = Activator.CreateInstance(clientType, http)!;

        dynamic signIn = Activator.CreateInstance(assembly.GetType("Generated.IssueTokenCommand", throwOnError: true)!)!;
        signIn.Email = Accounts.Admin;
        signIn.Password = DemoData.Password;
        dynamic token = await client.PostAuthTokenAsync(signIn);
        string accessToken = token.AccessToken;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);

        var id = DemoData.IdFor("bridgemary:student:BMC08100");
        dynamic student = await client.GetStudentsByIdAsync(id);

        var raw = await http.GetFromJsonAsync<JsonElement>($"/api/students/{id}");
        Type studentType = student.GetType();
        Assert.Equal(typeof(string), studentType.GetProperty("GivenName")!.PropertyType);
        Assert.Equal(typeof(int), studentType.GetProperty("YearGroup")!.PropertyType);
        Assert.Equal(typeof(Guid), studentType.GetProperty("Id")!.PropertyType);
        string givenName = student.GivenName;
        int yearGroup = student.YearGroup;
        Guid studentId = student.Id;
        Assert.Equal(raw.GetProperty("givenName").GetString(), givenName);
        Assert.Equal(raw.GetProperty("yearGroup").GetInt32(), yearGroup);
        Assert.Equal(id, studentId);
    }

    private static async Task<string> Generate(string json)
    {
        var document = await NSwag.OpenApiDocument.FromJsonAsync(json);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "SchoolClient",
            GenerateClientInterfaces = false,
            UseBaseUrl = false,
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
            CSharpGeneratorSettings =
            {
                Namespace = "Generated",
                JsonLibrary = CSharpJsonLibrary.SystemTextJson,
                GenerateNullableReferenceTypes = false,
            },
        };
        return new CSharpClientGenerator(document, settings).GenerateFile();
    }

    private static Assembly Compile(string code)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "Generated.SchoolClient",
            [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(emitted.Success, $"The generated client does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors.Take(20))}");
        image.Position = 0;
        return new AssemblyLoadContext("generated-client", isCollectible: true).LoadFromStream(image);
    }
}
