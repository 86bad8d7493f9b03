; Inno Setup 6 script: installs the Windows bundle (dist\transitions\) on ward PCs.
; Not built here (Linux CI); reviewed by reading. Build on Windows after the PyInstaller spec:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\transitions.iss
; Silent install for software deployment (SCCM, Intune, GPO), with the site file IT prepared:
;   TransitionsSetup-0.1.0.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /SITECONFIG="\\fs01\it\transitions\site.toml"
; /SITECONFIG copies that file to C:\ProgramData\Transitions\site.toml and points every user to it
; with the machine-wide TRANSITIONS_SITE_CONFIG variable; the file stays readable, not writable,
; by ward users (inherited ProgramData permissions). Without /SITECONFIG the built-in defaults
; apply until IT places a site file there.

#define AppName "Transitions"
#define AppVersion "0.1.0"
#define AppId "org.transitionsofcare.Transitions"
#define Bundle "..\..\dist\transitions"

[Setup]
AppId={{8C3E6A52-4B7D-4F0E-9A51-3D2F7C1B9E40}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Transitions developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-machine: ward PCs are shared by many users.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=TransitionsSetup-{#AppVersion}
UninstallDisplayIcon={app}\Transitions.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesEnvironment=yes
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{param:SITECONFIG}"; DestDir: "{commonappdata}\Transitions"; DestName: "site.toml"; \
  Flags: external skipifsourcedoesntexist onlyifdoesntexist uninsneveruninstall; Check: HasSiteConfig

[Dirs]
Name: "{commonappdata}\Transitions"

[Registry]
; Machine-wide: every user of the ward PC reads the same site file.
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; \
  ValueType: expandsz; ValueName: "TRANSITIONS_SITE_CONFIG"; \
  ValueData: "{commonappdata}\Transitions\site.toml"; Flags: uninsdeletevalue; Check: HasSiteConfig

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\Transitions.exe"; AppUserModelID: "{#AppId}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\Transitions.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Run]
; After a silent deployment IT runs the check in the README (transitions-cli --self-test).
Filename: "{app}\Transitions.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; \
  Flags: nowait postinstall skipifsilent

[Code]
function HasSiteConfig(): Boolean;
begin
  Result := ExpandConstant('{param:SITECONFIG}') <> '';
end;
