@echo off
rem The ipsl command line of a release: needs a Java 17 (or later) runtime, from JAVA_HOME or PATH.
setlocal
set "IPSL_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
rem Every command runs with the serial collector, as the VS Code extension starts the language server.
"%JAVA%" -XX:+UseSerialGC -jar "%IPSL_HOME%\lib\ipsl.jar" %*
exit /b %ERRORLEVEL%
