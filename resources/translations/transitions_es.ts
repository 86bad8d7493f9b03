<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AppointmentDialog</name>
    <message>
        <source>Book a follow-up</source>
        <translation>Programar una cita de seguimiento</translation>
    </message>
    <message>
        <source>(none: home visit)</source>
        <translation>(ninguno: visita a domicilio)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Transport needed</source>
        <translation>Necesita transporte</translation>
    </message>
    <message>
        <source>arranged</source>
        <translation>coordinado</translation>
    </message>
    <message>
        <source>Interpreter needed</source>
        <translation>Necesita intérprete</translation>
    </message>
    <message>
        <source>What the patient should bring or know</source>
        <translation>Lo que el paciente debe traer o saber</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>&amp;Provider or clinic:</source>
        <translation>&amp;Profesional o clínica:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Cuándo:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <source>Needs:</source>
        <translation>Necesidades:</translation>
    </message>
    <message>
        <source>&amp;Notes for the patient:</source>
        <translation>&amp;Notas para el paciente:</translation>
    </message>
</context>
<context>
    <name>Appointments</name>
    <message>
        <source>PCP follow-up</source>
        <translation>Seguimiento con atención primaria</translation>
    </message>
    <message>
        <source>Specialist</source>
        <translation>Especialista</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>Laboratorio</translation>
    </message>
    <message>
        <source>Imaging</source>
        <translation>Imagenología</translation>
    </message>
    <message>
        <source>Home-health visit</source>
        <translation>Visita de salud a domicilio</translation>
    </message>
    <message>
        <source>Therapy</source>
        <translation>Terapia</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Solicitada</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Programada</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmada</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Realizada</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>No se presentó</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Llamada telefónica</translation>
    </message>
    <message>
        <source>Patient portal</source>
        <translation>Portal del paciente</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>At the follow-up visit</source>
        <translation>En la visita de seguimiento</translation>
    </message>
    <message>
        <source>Home health</source>
        <translation>Salud a domicilio</translation>
    </message>
    <message>
        <source>Oxygen</source>
        <translation>Oxígeno</translation>
    </message>
    <message>
        <source>Durable medical equipment</source>
        <translation>Equipo médico duradero</translation>
    </message>
    <message>
        <source>Home infusion</source>
        <translation>Infusión a domicilio</translation>
    </message>
    <message>
        <source>low</source>
        <translation>bajo</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moderado</translation>
    </message>
    <message>
        <source>high</source>
        <translation>alto</translation>
    </message>
    <message>
        <source>No PCP follow-up booked: due by {deadline} ({tier} risk).</source>
        <translation>No hay seguimiento programado con atención primaria: vence el {deadline} (riesgo {tier}).</translation>
    </message>
    <message>
        <source>PCP follow-up on {day} is after the visit deadline {deadline} ({tier} risk).</source>
        <translation>El seguimiento con atención primaria del {day} es posterior al plazo de la visita, {deadline} (riesgo {tier}).</translation>
    </message>
    <message>
        <source>{what}: before discharge.</source>
        <translation>{what}: antes del alta.</translation>
    </message>
    <message>
        <source>{what}: outside the clinic&apos;s hours ({hours}).</source>
        <translation>{what}: fuera del horario de la clínica ({hours}).</translation>
    </message>
    <message>
        <source>{what}: on a weekend.</source>
        <translation>{what}: en fin de semana.</translation>
    </message>
    <message>
        <source>{what}: on a holiday ({holiday}).</source>
        <translation>{what}: en día festivo ({holiday}).</translation>
    </message>
    <message>
        <source>{what}: overlaps another appointment or leaves less than {buffer} min to travel.</source>
        <translation>{what}: se superpone con otra cita o deja menos de {buffer} min para el traslado.</translation>
    </message>
    <message>
        <source>{what}: transport needed but not arranged.</source>
        <translation>{what}: necesita transporte, pero no está coordinado.</translation>
    </message>
    <message>
        <source>{what}: interpreter needed but not arranged.</source>
        <translation>{what}: necesita intérprete, pero no está coordinado.</translation>
    </message>
</context>
<context>
    <name>AppointmentsStep</name>
    <message>
        <source>Follow-up appointments</source>
        <translation>Citas de seguimiento</translation>
    </message>
    <message>
        <source>30-day transitional care calendar</source>
        <translation>Calendario de atención transicional de 30 días</translation>
    </message>
    <message>
        <source>transport</source>
        <translation>transporte</translation>
    </message>
    <message>
        <source>interpreter</source>
        <translation>intérprete</translation>
    </message>
    <message>
        <source>Discharged</source>
        <translation>Dado de alta</translation>
    </message>
    <message>
        <source>Planned discharge</source>
        <translation>Alta prevista</translation>
    </message>
    <message>
        <source>{which} {discharge} · TCM contact by {contact} · visit by {visit} ({tier} risk) · period ends {end}</source>
        <translation>{which} {discharge} · contacto TCM antes del {contact} · visita antes del {visit} (riesgo {tier}) · el período termina el {end}</translation>
    </message>
    <message>
        <source>Booked by {who}, {when}</source>
        <translation>Programada por {who}, {when}</translation>
    </message>
    <message>
        <source>Notes for the patient: {notes}</source>
        <translation>Notas para el paciente: {notes}</translation>
    </message>
    <message>
        <source>Book a follow-up</source>
        <translation>Programar una cita de seguimiento</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Advertencias</translation>
    </message>
    <message>
        <source>Follow-up warnings</source>
        <translation>Advertencias de seguimiento</translation>
    </message>
    <message>
        <source>No warnings: the follow-up plan is complete.</source>
        <translation>Sin advertencias: el plan de seguimiento está completo.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>With</source>
        <translation>Con</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Necesidades</translation>
    </message>
    <message>
        <source>No appointments yet. Press Ctrl+B to book one.</source>
        <translation>Aún no hay citas. Pulse Ctrl+B para programar una.</translation>
    </message>
    <message>
        <source>&amp;Book…</source>
        <translation>&amp;Programar…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Rebook…</source>
        <translation>&amp;Reprogramar…</translation>
    </message>
    <message>
        <source>&amp;Cancel appointment…</source>
        <translation>&amp;Cancelar cita…</translation>
    </message>
    <message>
        <source>Pending tests at discharge</source>
        <translation>Pruebas pendientes al alta</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Ordered by</source>
        <translation>Solicitado por</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <source>Follow-up clinician</source>
        <translation>Profesional de seguimiento</translation>
    </message>
    <message>
        <source>Patient told by</source>
        <translation>Paciente informado por</translation>
    </message>
    <message>
        <source>No pending tests recorded</source>
        <translation>No hay pruebas pendientes registradas</translation>
    </message>
    <message>
        <source>Home services and equipment</source>
        <translation>Servicios y equipo a domicilio</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>No home services arranged</source>
        <translation>No hay servicios a domicilio coordinados</translation>
    </message>
    <message>
        <source>Add &amp;pending test…</source>
        <translation>Agregar &amp;prueba pendiente…</translation>
    </message>
    <message>
        <source>Remove test</source>
        <translation>Quitar prueba</translation>
    </message>
    <message>
        <source>Add &amp;home service…</source>
        <translation>Agregar servicio a &amp;domicilio…</translation>
    </message>
    <message>
        <source>Remove service</source>
        <translation>Quitar servicio</translation>
    </message>
    <message>
        <source>Edit appointment</source>
        <translation>Editar cita</translation>
    </message>
    <message>
        <source>Rebook appointment</source>
        <translation>Reprogramar cita</translation>
    </message>
    <message>
        <source>Cancel appointment</source>
        <translation>Cancelar cita</translation>
    </message>
    <message>
        <source>Why is it cancelled?</source>
        <translation>¿Por qué se cancela?</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>Modificado en otro lugar</translation>
    </message>
    <message>
        <source>Reload the appointments now?</source>
        <translation>¿Volver a cargar las citas ahora?</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Citas</translation>
    </message>
</context>
<context>
    <name>AuditViewerDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Estación de trabajo</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entidad</translation>
    </message>
    <message>
        <source>Patient MRN</source>
        <translation>MRN del paciente</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>No audit events match.</source>
        <translation>Ningún evento de auditoría coincide.</translation>
    </message>
    <message>
        <source>any user</source>
        <translation>cualquier usuario</translation>
    </message>
    <message>
        <source>any patient</source>
        <translation>cualquier paciente</translation>
    </message>
    <message>
        <source>any action</source>
        <translation>cualquier acción</translation>
    </message>
    <message>
        <source>&amp;Between</source>
        <translation>&amp;Entre</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xportar CSV…</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <source>Patient &amp;MRN</source>
        <translation>&amp;MRN del paciente</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>&amp;Acción</translation>
    </message>
    <message>
        <source>and</source>
        <translation>y</translation>
    </message>
    <message>
        <source>%1 events (newest first)</source>
        <translation>%1 eventos (más recientes primero)</translation>
    </message>
    <message>
        <source>— only the newest %1 are shown; narrow the search or export.</source>
        <translation>— solo se muestran los %1 más recientes; acote la búsqueda o exporte.</translation>
    </message>
    <message>
        <source>Export audit events</source>
        <translation>Exportar eventos de auditoría</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported %1 events to %2.</source>
        <translation>Se exportaron %1 eventos a %2.</translation>
    </message>
</context>
<context>
    <name>BatchPrintDialog</name>
    <message>
        <source>Print discharge packets</source>
        <translation>Imprimir paquetes de alta</translation>
    </message>
    <message>
        <source>&amp;Find discharges</source>
        <translation>&amp;Buscar altas</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Unidad:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Choose a unit and a date, then Find discharges.</source>
        <translation>Elija una unidad y una fecha y luego Buscar altas.</translation>
    </message>
    <message>
        <source>Packets that failed</source>
        <translation>Paquetes con errores</translation>
    </message>
    <message>
        <source>&amp;Print all</source>
        <translation>&amp;Imprimir todo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message numerus="yes">
        <source>%n discharge(s) found.</source>
        <translation>
            <numerusform>Se encontró %n alta.</numerusform>
            <numerusform>Se encontraron %n altas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling after the packet in hand…</source>
        <translation>Cancelando después del paquete en curso…</translation>
    </message>
    <message>
        <source>Making the packet for {0}…</source>
        <translation>Creando el paquete de {0}…</translation>
    </message>
    <message>
        <source>{0} of {1} packets printed.</source>
        <translation>{0} de {1} paquetes impresos.</translation>
    </message>
    <message>
        <source>{0} failed (listed below).</source>
        <translation>{0} con errores (listados abajo).</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
</context>
<context>
    <name>BoostPanel</name>
    <message>
        <source>Project BOOST 8P screen (Society of Hospital Medicine). Positive items suggest modules; poor health literacy makes teach-back required on every item.</source>
        <translation>Evaluación 8P de Project BOOST (Society of Hospital Medicine). Los ítems positivos sugieren módulos; un bajo nivel de alfabetización en salud hace obligatorio el teach-back en cada tema.</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>No se preguntó</translation>
    </message>
    <message>
        <source>Yes (positive)</source>
        <translation>Sí (positivo)</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>&amp;Save screen</source>
        <translation>&amp;Guardar evaluación</translation>
    </message>
    <message>
        <source>Screened by {who}, {when}</source>
        <translation>Evaluado por {who}, {when}</translation>
    </message>
    <message>
        <source>Not screened yet</source>
        <translation>Aún no evaluado</translation>
    </message>
</context>
<context>
    <name>BusySplash</name>
    <message>
        <source>Transitions</source>
        <translation>Transitions</translation>
    </message>
</context>
<context>
    <name>CallLogDialog</name>
    <message>
        <source>Follow-up call log</source>
        <translation>Registro de llamadas de seguimiento</translation>
    </message>
    <message>
        <source>&amp;Reached the patient or caregiver</source>
        <translation>Se &amp;contactó al paciente o cuidador</translation>
    </message>
    <message>
        <source>new or worse symptoms, in their words</source>
        <translation>síntomas nuevos o peores, en sus palabras</translation>
    </message>
    <message>
        <source>can&apos;t get</source>
        <translation>no puede conseguirlo</translation>
    </message>
    <message>
        <source>can&apos;t afford</source>
        <translation>no puede pagarlo</translation>
    </message>
    <message>
        <source>confused</source>
        <translation>confundido</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>realizada</translation>
    </message>
    <message>
        <source>booked</source>
        <translation>programada</translation>
    </message>
    <message>
        <source>not booked</source>
        <translation>sin programar</translation>
    </message>
    <message>
        <source>good</source>
        <translation>buena</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>parcial</translation>
    </message>
    <message>
        <source>poor</source>
        <translation>mala</translation>
    </message>
    <message>
        <source>— not asked</source>
        <translation>— no se preguntó</translation>
    </message>
    <message>
        <source>&amp;Escalate to a clinician</source>
        <translation>&amp;Derivar a un profesional clínico</translation>
    </message>
    <message>
        <source>reason for escalation</source>
        <translation>motivo de la derivación</translation>
    </message>
    <message>
        <source>Visit &amp;kept on</source>
        <translation>Visita &amp;realizada el</translation>
    </message>
    <message>
        <source>Visit &amp;missed</source>
        <translation>Visita &amp;perdida</translation>
    </message>
    <message>
        <source>&amp;Not readmitted in 30 days</source>
        <translation>&amp;Sin reingreso en 30 días</translation>
    </message>
    <message>
        <source>&amp;Reassign</source>
        <translation>&amp;Reasignar</translation>
    </message>
    <message>
        <source>&amp;Log call (Ctrl+Enter)</source>
        <translation>&amp;Registrar llamada (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Unable to reach (Ctrl+U)</source>
        <translation>&amp;No se pudo contactar (Ctrl+U)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>&amp;Number called</source>
        <translation>&amp;Número marcado</translation>
    </message>
    <message>
        <source>&amp;Symptoms</source>
        <translation>&amp;Síntomas</translation>
    </message>
    <message>
        <source>Medication problems</source>
        <translation>Problemas con medicamentos</translation>
    </message>
    <message>
        <source>&amp;Appointment</source>
        <translation>&amp;Cita</translation>
    </message>
    <message>
        <source>U&amp;nderstanding</source>
        <translation>&amp;Comprensión</translation>
    </message>
    <message>
        <source>CTM-3 question %1</source>
        <translation>Pregunta %1 de CTM-3</translation>
    </message>
    <message>
        <source>Escalation reason</source>
        <translation>Motivo de la derivación</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>N&amp;ota</translation>
    </message>
    <message>
        <source>Log a call</source>
        <translation>Registrar una llamada</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source> · readmitted as %1</source>
        <translation> · reingresado como %1</translation>
    </message>
    <message>
        <source>discharged %1</source>
        <translation>alta %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>vence %1</translation>
    </message>
    <message>
        <source>reached</source>
        <translation>contactado</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>sin respuesta</translation>
    </message>
    <message>
        <source>Calls: </source>
        <translation>Llamadas: </translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ninguno aún</translation>
    </message>
    <message>
        <source>no item scored</source>
        <translation>ningún ítem puntuado</translation>
    </message>
    <message>
        <source>LACE %1 (%2), HOSPITAL %3 (%4). Why: %5</source>
        <translation>LACE %1 (%2), HOSPITAL %3 (%4). Motivo: %5</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>Modificado en otro lugar</translation>
    </message>
    <message>
        <source>Unit team (default)</source>
        <translation>Equipo de la unidad (predeterminado)</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Choose a new password — Transitions</source>
        <translation>Elija una contraseña nueva — Transitions</translation>
    </message>
    <message>
        <source>&amp;Temporary password:</source>
        <translation>Contraseña &amp;temporal:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>Contraseña &amp;nueva:</translation>
    </message>
    <message>
        <source>&amp;Confirm new password:</source>
        <translation>&amp;Confirmar contraseña nueva:</translation>
    </message>
    <message>
        <source>%1, your password was set by an administrator. Choose your own before you continue: at least %2 characters, not a common password.</source>
        <translation>%1, un administrador estableció su contraseña. Elija una propia antes de continuar: al menos %2 caracteres, que no sea una contraseña común.</translation>
    </message>
    <message>
        <source>Save and continue</source>
        <translation>Guardar y continuar</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Choose a new password</source>
        <translation>Elija una contraseña nueva</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Someone else saved first — Transitions</source>
        <translation>Otra persona guardó primero — Transitions</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Theirs (saved)</source>
        <translation>La suya (guardada)</translation>
    </message>
    <message>
        <source>Yours (not saved)</source>
        <translation>La mía (sin guardar)</translation>
    </message>
    <message>
        <source>Their values and yours</source>
        <translation>Sus valores y los míos</translation>
    </message>
    <message>
        <source>&amp;Re-apply my change…</source>
        <translation>&amp;Volver a aplicar mi cambio…</translation>
    </message>
    <message>
        <source>Load their version, put your change back in the form, and review it</source>
        <translation>Cargar su versión, volver a poner mi cambio en el formulario y revisarlo</translation>
    </message>
    <message>
        <source>Re&amp;load theirs (discard mine)</source>
        <translation>Vo&amp;lver a cargar la suya (descartar la mía)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Someone else saved this record first</source>
        <translation>Otra persona guardó este registro primero</translation>
    </message>
    <message>
        <source>Nothing was overwritten. Choose what to do with your change.</source>
        <translation>No se sobrescribió nada. Elija qué hacer con su cambio.</translation>
    </message>
</context>
<context>
    <name>CreateAdminDialog</name>
    <message>
        <source>Create administrator — Transitions</source>
        <translation>Crear administrador — Transitions</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Nombre completo:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>&amp;Confirmar contraseña:</translation>
    </message>
    <message>
        <source>At least %1 characters; a phrase of several words is easiest.</source>
        <translation>Al menos %1 caracteres; lo más fácil es una frase de varias palabras.</translation>
    </message>
    <message>
        <source>This database has no users yet. Create the administrator account; the administrator then adds the nurses and other staff.</source>
        <translation>Esta base de datos aún no tiene usuarios. Cree la cuenta de administrador; luego el administrador agrega al personal de enfermería y demás personal.</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Crear administrador</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>all</source>
        <extracomment>The dashboard&apos;s tiers (data), marked for lupdate.</extracomment>
        <translation>todos</translation>
    </message>
    <message>
        <source>low</source>
        <translation>bajo</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moderado</translation>
    </message>
    <message>
        <source>high</source>
        <translation>alto</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1565c0&apos;&gt;■&lt;/span&gt; contacted within 2 business days &amp;nbsp; &lt;span style=&apos;color:#2e7d32&apos;&gt;■&lt;/span&gt; visit within deadline &amp;nbsp; &lt;span style=&apos;color:#c62828&apos;&gt;■&lt;/span&gt; 30-day unplanned readmission</source>
        <translation>&lt;span style=&apos;color:#1565c0&apos;&gt;■&lt;/span&gt; contactado en 2 días hábiles &amp;nbsp; &lt;span style=&apos;color:#2e7d32&apos;&gt;■&lt;/span&gt; visita dentro del plazo &amp;nbsp; &lt;span style=&apos;color:#c62828&apos;&gt;■&lt;/span&gt; reingreso no programado a 30 días</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Discharges</source>
        <translation>Altas</translation>
    </message>
    <message>
        <source>Contacted ≤2 bd</source>
        <translation>Contactado ≤2 dh</translation>
    </message>
    <message>
        <source>Visit in deadline</source>
        <translation>Visita en plazo</translation>
    </message>
    <message>
        <source>Unplanned readmission</source>
        <translation>Reingreso no programado</translation>
    </message>
    <message>
        <source>&amp;Print report (PDF)…</source>
        <translation>&amp;Imprimir informe (PDF)…</translation>
    </message>
    <message>
        <source>Save dashboard report</source>
        <translation>Guardar informe del panel</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>DatabaseConnectionDialog</name>
    <message>
        <source>Database — Transitions</source>
        <translation>Base de datos — Transitions</translation>
    </message>
    <message>
        <source>Database address</source>
        <translation>Dirección de la base de datos</translation>
    </message>
    <message>
        <source>Check the network or ask IT for the ward database address. You can also work with a database on this computer only (not shared with other workstations).</source>
        <translation>Revise la red o pida a TI la dirección de la base de datos de la unidad. También puede trabajar con una base de datos solo en esta computadora (no compartida con otras estaciones de trabajo).</translation>
    </message>
    <message>
        <source>Database &amp;address:</source>
        <translation>Dirección de la &amp;base de datos:</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Use this &amp;computer&apos;s database</source>
        <translation>Usar la base de datos de esta &amp;computadora</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>No se puede abrir la base de datos</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Enter a database address.</source>
        <translation>Escriba una dirección de base de datos.</translation>
    </message>
</context>
<context>
    <name>Education</name>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Caregiver</source>
        <translation>Cuidador</translation>
    </message>
    <message>
        <source>Patient and caregiver</source>
        <translation>Paciente y cuidador</translation>
    </message>
    <message>
        <source>Verbal</source>
        <translation>Verbal</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Por escrito</translation>
    </message>
    <message>
        <source>Demonstration</source>
        <translation>Demostración</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Understood</source>
        <translation>Entendió</translation>
    </message>
    <message>
        <source>Needs reinforcement</source>
        <translation>Necesita refuerzo</translation>
    </message>
    <message>
        <source>Unable to teach back</source>
        <translation>No pudo repetirlo (teach-back)</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>No corresponde</translation>
    </message>
    <message>
        <source>every patient</source>
        <translation>todo paciente</translation>
    </message>
    <message>
        <source>diagnosis {code}</source>
        <translation>diagnóstico {code}</translation>
    </message>
    <message>
        <source>medicine {name}</source>
        <translation>medicamento {name}</translation>
    </message>
    <message>
        <source>BOOST: {item}</source>
        <translation>BOOST: {item}</translation>
    </message>
</context>
<context>
    <name>EducationStep</name>
    <message>
        <source>Poor health literacy (BOOST): teach-back is required on every item.</source>
        <translation>Bajo nivel de alfabetización en salud (BOOST): el teach-back es obligatorio en cada tema.</translation>
    </message>
    <message>
        <source>Module to add</source>
        <translation>Módulo a agregar</translation>
    </message>
    <message>
        <source>Mod&amp;ule:</source>
        <translation>Mód&amp;ulo:</translation>
    </message>
    <message>
        <source>&amp;Add module</source>
        <translation>&amp;Agregar módulo</translation>
    </message>
    <message>
        <source>Remo&amp;ve module…</source>
        <translation>&amp;Quitar módulo…</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Módulo</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Teach-back</source>
        <translation>Teach-back</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Taught</source>
        <translation>Enseñado</translation>
    </message>
    <message>
        <source>Education items</source>
        <translation>Temas de educación</translation>
    </message>
    <message>
        <source>No modules in the plan</source>
        <translation>No hay módulos en el plan</translation>
    </message>
    <message>
        <source>It&amp;ems:</source>
        <translation>&amp;Temas:</translation>
    </message>
    <message>
        <source>Teac&amp;h</source>
        <translation>Ense&amp;ñar</translation>
    </message>
    <message>
        <source>&amp;BOOST screen</source>
        <translation>Evaluación &amp;BOOST</translation>
    </message>
    <message>
        <source>Packet instru&amp;ctions</source>
        <translation>Instru&amp;cciones del paquete</translation>
    </message>
    <message>
        <source>Added by a nurse</source>
        <translation>Agregado por enfermería</translation>
    </message>
    <message>
        <source>Suggested: {reasons}</source>
        <translation>Sugerido: {reasons}</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatorio</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>Not taught</source>
        <translation>No enseñado</translation>
    </message>
    <message>
        <source>{when} ({n}×)</source>
        <translation>{when} ({n}×)</translation>
    </message>
    <message>
        <source>Education: {done} of {required} items done</source>
        <translation>Educación: {done} de {required} temas completados</translation>
    </message>
    <message>
        <source> · {n} need reinforcement</source>
        <translation> · {n} necesitan refuerzo</translation>
    </message>
    <message>
        <source>Teaching in {language}</source>
        <translation>Enseñanza en {language}</translation>
    </message>
    <message>
        <source> (patient&apos;s language: {code})</source>
        <translation> (idioma del paciente: {code})</translation>
    </message>
    <message>
        <source> · record the interpreter</source>
        <translation> · registre el intérprete</translation>
    </message>
    <message>
        <source>added</source>
        <translation>agregado</translation>
    </message>
    <message>
        <source>Modules: {list}</source>
        <translation>Módulos: {list}</translation>
    </message>
    <message>
        <source>Removed: {list}</source>
        <translation>Quitados: {list}</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Modificado por otra persona</translation>
    </message>
    <message>
        <source>Reload the education record now?</source>
        <translation>¿Volver a cargar el registro de educación ahora?</translation>
    </message>
</context>
<context>
    <name>EncounterStatus</name>
    <message>
        <source>Admitted</source>
        <extracomment>EncounterStatus.label (transitions/domain/encounter_status.py), marked for lupdate.</extracomment>
        <translation>Ingresado</translation>
    </message>
    <message>
        <source>Discharge planned</source>
        <translation>Alta prevista</translation>
    </message>
    <message>
        <source>Ready to go</source>
        <translation>Listo para el alta</translation>
    </message>
    <message>
        <source>Discharged</source>
        <translation>Dado de alta</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
</context>
<context>
    <name>FollowupListPage</name>
    <message>
        <source>All units</source>
        <translation>Todas las unidades</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>Todos los niveles</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alto</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Moderada</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <source>Any owner</source>
        <translation>Cualquier responsable</translation>
    </message>
    <message>
        <source>Unit team</source>
        <translation>Equipo de la unidad</translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation>Solo &amp;vencidos</translation>
    </message>
    <message>
        <source>Search name or MRN</source>
        <translation>Buscar nombre o MRN</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportar CSV…</translation>
    </message>
    <message>
        <source>Nobody is in a 30-day follow-up window</source>
        <translation>Nadie está en un período de seguimiento de 30 días</translation>
    </message>
    <message>
        <source>%1 patients · %2 overdue · %3 readmitted</source>
        <translation>%1 pacientes · %2 vencidos · %3 reingresados</translation>
    </message>
    <message>
        <source>Export follow-up list</source>
        <translation>Exportar lista de seguimiento</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>FollowupModel</name>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Discharged</source>
        <translation>Dado de alta</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <source>LACE</source>
        <translation>LACE</translation>
    </message>
    <message>
        <source>HOSPITAL</source>
        <translation>HOSPITAL</translation>
    </message>
    <message>
        <source>Next task</source>
        <translation>Próxima tarea</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Last call</source>
        <translation>Última llamada</translation>
    </message>
    <message>
        <source>Readmitted</source>
        <translation>Reingresado</translation>
    </message>
    <message>
        <source>low</source>
        <extracomment>Words shown through ``_tr`` from data (risk tiers, the last call&apos;s outcome), marked for lupdate.</extracomment>
        <translation>bajo</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moderado</translation>
    </message>
    <message>
        <source>intermediate</source>
        <translation>intermedio</translation>
    </message>
    <message>
        <source>high</source>
        <translation>alto</translation>
    </message>
    <message>
        <source>reached</source>
        <translation>contactado</translation>
    </message>
    <message>
        <source>unable to reach</source>
        <translation>no se pudo contactar</translation>
    </message>
    <message>
        <source>Contact call</source>
        <translation>Llamada de contacto</translation>
    </message>
    <message>
        <source>Visit kept?</source>
        <translation>¿Se realizó la visita?</translation>
    </message>
    <message>
        <source>30-day check</source>
        <translation>Control a 30 días</translation>
    </message>
    <message>
        <source>All done</source>
        <translation>Todo completado</translation>
    </message>
    <message>
        <source> · overdue</source>
        <translation> · vencido</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>programado</translation>
    </message>
    <message>
        <source>unplanned</source>
        <translation>no programado</translation>
    </message>
    <message>
        <source>Missing inputs (counted 0): %1</source>
        <translation>Datos faltantes (contados como 0): %1</translation>
    </message>
</context>
<context>
    <name>FollowupTab</name>
    <message>
        <source>30-day list</source>
        <translation>Lista de 30 días</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Your role does not include the follow-up list.</source>
        <translation>Su rol no incluye la lista de seguimiento.</translation>
    </message>
</context>
<context>
    <name>HomeServiceDialog</name>
    <message>
        <source>Add a home service or equipment</source>
        <translation>Agregar un servicio o equipo a domicilio</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Qué:</translation>
    </message>
    <message>
        <source>&amp;Vendor or agency:</source>
        <translation>&amp;Proveedor o agencia:</translation>
    </message>
    <message>
        <source>Vendor &amp;phone:</source>
        <translation>&amp;Teléfono del proveedor:</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>&amp;Inicio:</translation>
    </message>
</context>
<context>
    <name>InstructionsPanel</name>
    <message>
        <source>Instructions you write here go into the patient&apos;s packet. Aim for grade 6 or lower: short sentences, short words.</source>
        <translation>Las instrucciones que escriba aquí van en el paquete del paciente. Procure un nivel de 6.º grado o menos: oraciones cortas, palabras cortas.</translation>
    </message>
    <message>
        <source>Instructions for the packet</source>
        <translation>Instrucciones para el paquete</translation>
    </message>
    <message>
        <source>Reading level</source>
        <translation>Nivel de lectura</translation>
    </message>
    <message>
        <source>Above grade 8: many patients will not understand this. Use shorter words.</source>
        <translation>Por encima de 8.º grado: muchos pacientes no lo entenderán. Use palabras más cortas.</translation>
    </message>
    <message>
        <source>Save &amp;instructions</source>
        <translation>Guardar &amp;instrucciones</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>Reading level: (no text)</source>
        <translation>Nivel de lectura: (sin texto)</translation>
    </message>
    <message>
        <source>Reading level: grade {grade:.1f} ({words} words)</source>
        <translation>Nivel de lectura: grado {grade:.1f} ({words} palabras)</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <source>Locked after a period without activity. %1 — enter your password to continue.</source>
        <translation>Bloqueado tras un período sin actividad. %1 — escriba su contraseña para continuar.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>Another user may sign in here; open work is kept until then.</source>
        <translation>Otro usuario puede iniciar sesión aquí; el trabajo abierto se conserva hasta entonces.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Transitions is locked</source>
        <translation>Transitions está bloqueado</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Escriba su nombre de usuario.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Transitions — %1</source>
        <translation>Transitions — %1</translation>
    </message>
    <message>
        <source>Ward worklist</source>
        <translation>Lista de trabajo de la unidad</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Close patient</source>
        <translation>&amp;Cerrar paciente</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Sign out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Print discharge &amp;packets…</source>
        <translation>Imprimir &amp;paquetes de alta…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>&amp;Find patient</source>
        <translation>&amp;Buscar paciente</translation>
    </message>
    <message>
        <source>Ward &amp;worklist</source>
        <translation>Lista de &amp;trabajo de la unidad</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About Transitions</source>
        <translation>&amp;Acerca de Transitions</translation>
    </message>
    <message>
        <source>Interface &amp;quarantine…</source>
        <translation>&amp;Cuarentena de interfaces…</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Usuarios…</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>Registro de &amp;auditoría…</translation>
    </message>
    <message>
        <source>&amp;Admin</source>
        <translation>A&amp;dministración</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Sesión iniciada como %1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de datos: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>%1 · MRN %2</source>
        <translation>%1 · MRN %2</translation>
    </message>
    <message>
        <source>About Transitions</source>
        <translation>Acerca de Transitions</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Transitions %1&lt;/h3&gt;&lt;p&gt;Hospital discharge transitions of care.&lt;/p&gt;&lt;p&gt;Site: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Transitions %1&lt;/h3&gt;&lt;p&gt;Transiciones de la atención al alta hospitalaria.&lt;/p&gt;&lt;p&gt;Centro: %2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MedicationDialog</name>
    <message>
        <source>e.g. 1 tab po bid, 10 units subq at bedtime, q6h prn pain</source>
        <translation>p. ej., 1 tab po bid, 10 unidades subq al acostarse, q6h prn dolor</translation>
    </message>
    <message>
        <source>&amp;Read directions</source>
        <translation>&amp;Leer indicaciones</translation>
    </message>
    <message>
        <source>e.g. 10 mg, 0.5 mg, 1-2 tablets, 10 units</source>
        <translation>p. ej., 10 mg, 0.5 mg, 1-2 tabletas, 10 unidades</translation>
    </message>
    <message>
        <source>e.g. oral, subcutaneous, inhaled</source>
        <translation>p. ej., oral, subcutánea, inhalada</translation>
    </message>
    <message>
        <source>e.g. daily, BID, q6h, at bedtime</source>
        <translation>p. ej., diario, BID, q6h, al acostarse</translation>
    </message>
    <message>
        <source>e.g. tablet, ER tablet, pen</source>
        <translation>p. ej., tableta, tableta de liberación prolongada, pluma</translation>
    </message>
    <message>
        <source>As needed (PRN)</source>
        <translation>Según necesidad (PRN)</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>continuo</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>&amp;Drug:</source>
        <translation>&amp;Medicamento:</translation>
    </message>
    <message>
        <source>D&amp;irections:</source>
        <translation>&amp;Indicaciones:</translation>
    </message>
    <message>
        <source>D&amp;ose:</source>
        <translation>D&amp;osis:</translation>
    </message>
    <message>
        <source>R&amp;oute:</source>
        <translation>&amp;Vía:</translation>
    </message>
    <message>
        <source>&amp;Frequency:</source>
        <translation>&amp;Frecuencia:</translation>
    </message>
    <message>
        <source>Fo&amp;rm:</source>
        <translation>Fo&amp;rma:</translation>
    </message>
    <message>
        <source>Indication:</source>
        <translation>Indicación:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Duración:</translation>
    </message>
    <message>
        <source>Instructions:</source>
        <translation>Instrucciones:</translation>
    </message>
    <message>
        <source>Re&amp;ason:</source>
        <translation>Mo&amp;tivo:</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Detalles:</translation>
    </message>
    <message>
        <source>Not understood (kept with the medicine): %1</source>
        <translation>No se entendió (se conserva con el medicamento): %1</translation>
    </message>
    <message>
        <source>Directions read into the fields below.</source>
        <translation>Indicaciones leídas en los campos de abajo.</translation>
    </message>
</context>
<context>
    <name>Medications</name>
    <message>
        <source>Details (required for &apos;Other&apos;)</source>
        <translation>Detalles (obligatorio para &apos;Otro&apos;)</translation>
    </message>
    <message>
        <source>— decide</source>
        <translation>— decidir</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambiar</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Suspender</translation>
    </message>
    <message>
        <source>New at discharge</source>
        <translation>Nuevo al alta</translation>
    </message>
    <message>
        <source>Added at discharge</source>
        <translation>Agregado al alta</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Grave</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Moderada</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>AM</source>
        <translation>Mañana</translation>
    </message>
    <message>
        <source>noon</source>
        <translation>Mediodía</translation>
    </message>
    <message>
        <source>PM</source>
        <translation>Tarde</translation>
    </message>
    <message>
        <source>HS</source>
        <translation>Al acostarse</translation>
    </message>
    <message>
        <source>PRN</source>
        <translation>PRN</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <source>Directions</source>
        <translation>Indicaciones</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Source, recorded</source>
        <translation>Origen, registrado</translation>
    </message>
    <message>
        <source>Directions not fully understood: %1</source>
        <translation>Indicaciones no entendidas del todo: %1</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Horarios</translation>
    </message>
    <message>
        <source>Accepted: %1</source>
        <translation>Aceptado: %1</translation>
    </message>
    <message>
        <source>Needs action</source>
        <translation>Requiere acción</translation>
    </message>
    <message>
        <source>For teaching</source>
        <translation>Para enseñar</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
</context>
<context>
    <name>MedicationsStep</name>
    <message>
        <source>Home medications</source>
        <translation>Medicamentos en casa</translation>
    </message>
    <message>
        <source>No home medications recorded</source>
        <translation>No hay medicamentos en casa registrados</translation>
    </message>
    <message>
        <source>Inpatient orders</source>
        <translation>Órdenes de hospitalización</translation>
    </message>
    <message>
        <source>No inpatient orders</source>
        <translation>No hay órdenes de hospitalización</translation>
    </message>
    <message>
        <source>Discharge list</source>
        <translation>Lista de altas</translation>
    </message>
    <message>
        <source>Decide on each medicine, or add one (Ctrl+Shift+A)</source>
        <translation>Decida sobre cada medicamento o agregue uno (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Advertencias</translation>
    </message>
    <message>
        <source>No problems found</source>
        <translation>No se encontraron problemas</translation>
    </message>
    <message>
        <source>&amp;Add medicine…</source>
        <translation>&amp;Agregar medicamento…</translation>
    </message>
    <message>
        <source>Ac&amp;cept warning…</source>
        <translation>A&amp;ceptar advertencia…</translation>
    </message>
    <message>
        <source>&amp;Sign reconciliation</source>
        <translation>&amp;Firmar conciliación</translation>
    </message>
    <message>
        <source>&amp;Pharmacist sign-off</source>
        <translation>&amp;Aprobación del farmacéutico</translation>
    </message>
    <message>
        <source>&amp;Reopen…</source>
        <translation>&amp;Reabrir…</translation>
    </message>
    <message>
        <source>Home (pre-admission)</source>
        <translation>Domicilio (antes del ingreso)</translation>
    </message>
    <message>
        <source>Keys: C continue · H change · S stop · N new at discharge · Enter edit</source>
        <translation>Teclas: C continuar · H cambiar · S suspender · N nuevo al alta · Intro editar</translation>
    </message>
    <message>
        <source>Pharmacist review suggested (BOOST): %1</source>
        <translation>Se sugiere revisión por farmacia (BOOST): %1</translation>
    </message>
    <message numerus="yes">
        <source>Draft — %n warning(s) need action before signing</source>
        <translation>
            <numerusform>Borrador — %n advertencia requiere acción antes de firmar</numerusform>
            <numerusform>Borrador — %n advertencias requieren acción antes de firmar</numerusform>
        </translation>
    </message>
    <message>
        <source>Draft — ready to sign</source>
        <translation>Borrador — listo para firmar</translation>
    </message>
    <message>
        <source>Signed by %1, %2</source>
        <translation>Firmado por %1, %2</translation>
    </message>
    <message>
        <source>; verified by %1, %2</source>
        <translation>; verificado por %1, %2</translation>
    </message>
    <message>
        <source>; awaiting pharmacist sign-off</source>
        <translation>; pendiente de aprobación del farmacéutico</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (solo lectura)</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>Modificado en otro lugar</translation>
    </message>
    <message>
        <source>Reload the reconciliation now?</source>
        <translation>¿Volver a cargar la conciliación ahora?</translation>
    </message>
    <message>
        <source>This reconciliation is signed: reopen it to edit.</source>
        <translation>Esta conciliación está firmada: reábrala para editarla.</translation>
    </message>
    <message>
        <source>Why is %1 stopped?</source>
        <translation>¿Por qué se suspende %1?</translation>
    </message>
    <message>
        <source>Stop medicine</source>
        <translation>Suspender medicamento</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Cambiar %1</translation>
    </message>
    <message>
        <source>Add discharge medicine</source>
        <translation>Agregar medicamento al alta</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Editar %1</translation>
    </message>
    <message>
        <source>Accept warning</source>
        <translation>Aceptar advertencia</translation>
    </message>
    <message>
        <source>Why is the signed reconciliation reopened? The signed version is kept.</source>
        <translation>¿Por qué se reabre la conciliación firmada? La versión firmada se conserva.</translation>
    </message>
    <message>
        <source>Reopen reconciliation</source>
        <translation>Reabrir conciliación</translation>
    </message>
</context>
<context>
    <name>PacketStep</name>
    <message>
        <source>Packet language</source>
        <translation>Idioma del paquete</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>La&amp;rge print</source>
        <translation>Letra &amp;grande</translation>
    </message>
    <message>
        <source>&amp;Preview packet</source>
        <translation>&amp;Vista previa del paquete</translation>
    </message>
    <message>
        <source>Pr&amp;int…</source>
        <translation>Im&amp;primir…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message>
        <source>Packet preview</source>
        <translation>Vista previa del paquete</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Large print</source>
        <translation>Letra grande</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>No packet has been made for this stay yet.</source>
        <translation>Aún no se ha creado ningún paquete para esta estancia.</translation>
    </message>
    <message>
        <source>Earlier packet versions</source>
        <translation>Versiones anteriores del paquete</translation>
    </message>
    <message>
        <source>Sh&amp;ow version</source>
        <translation>&amp;Mostrar versión</translation>
    </message>
    <message>
        <source>&amp;Reprint version…</source>
        <translation>&amp;Reimprimir versión…</translation>
    </message>
    <message>
        <source>Packets made for this stay</source>
        <translation>Paquetes creados para esta estancia</translation>
    </message>
    <message>
        <source>Your role cannot print discharge packets.</source>
        <translation>Su rol no puede imprimir paquetes de alta.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>Making the packet…</source>
        <translation>Creando el paquete…</translation>
    </message>
    <message>
        <source>Version {0} made {1}: {2} pages.</source>
        <translation>Versión {0} creada {1}: {2} páginas.</translation>
    </message>
    <message>
        <source>Nothing changed since version {0} ({1}, {2} pages); it is shown again.</source>
        <translation>Nada cambió desde la versión {0} ({1}, {2} páginas); se vuelve a mostrar.</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>Archivo PDF</translation>
    </message>
    <message>
        <source>Save packet as PDF</source>
        <translation>Guardar paquete como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
</context>
<context>
    <name>PatientHeader</name>
    <message>
        <source>Interpreter needed</source>
        <translation>Necesita intérprete</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Unit / room</source>
        <translation>Unidad / habitación</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Ingreso</translation>
    </message>
    <message>
        <source>Planned discharge</source>
        <translation>Alta prevista</translation>
    </message>
    <message>
        <source>Length of stay</source>
        <translation>Duración de la estancia</translation>
    </message>
    <message>
        <source>Attending</source>
        <translation>Médico tratante</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Educación</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>Loading allergies…</source>
        <translation>Cargando alergias…</translation>
    </message>
    <message>
        <source>not planned yet</source>
        <translation>aún no prevista</translation>
    </message>
    <message>
        <source>%1 taught</source>
        <translation>%1 enseñados</translation>
    </message>
    <message>
        <source>Pharmacist review suggested</source>
        <translation>Se sugiere revisión por farmacia</translation>
    </message>
    <message>
        <source>BOOST: %1 positive</source>
        <translation>BOOST: %1 positivos</translation>
    </message>
    <message>
        <source>MRN %1</source>
        <translation>MRN %1</translation>
    </message>
    <message>
        <source>DOB %1</source>
        <translation>F. nac. %1</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>Idioma: %1</translation>
    </message>
    <message>
        <source>No allergies recorded</source>
        <translation>No hay alergias registradas</translation>
    </message>
    <message>
        <source>Allergies: %1</source>
        <translation>Alergias: %1</translation>
    </message>
    <message>
        <source>No diagnoses recorded</source>
        <translation>No hay diagnósticos registrados</translation>
    </message>
    <message>
        <source>and %1 more (see Stay summary)</source>
        <translation>y %1 más (vea el Resumen de la estancia)</translation>
    </message>
</context>
<context>
    <name>PatientWorkspace</name>
    <message>
        <source>Discharge steps</source>
        <translation>Pasos del alta</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Page {0}</source>
        <translation>Página {0}</translation>
    </message>
</context>
<context>
    <name>PendingTestDialog</name>
    <message>
        <source>Add a pending test</source>
        <translation>Agregar una prueba pendiente</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(elegir)</translation>
    </message>
    <message>
        <source>&amp;Test:</source>
        <translation>&amp;Prueba:</translation>
    </message>
    <message>
        <source>&amp;Ordered by:</source>
        <translation>&amp;Solicitado por:</translation>
    </message>
    <message>
        <source>&amp;Result expected:</source>
        <translation>&amp;Resultado esperado:</translation>
    </message>
    <message>
        <source>&amp;Follow-up clinician:</source>
        <translation>Profesional de &amp;seguimiento:</translation>
    </message>
    <message>
        <source>Patient &amp;told by:</source>
        <translation>Paciente &amp;informado por:</translation>
    </message>
</context>
<context>
    <name>QuarantineDialog</name>
    <message>
        <source>Interface quarantine</source>
        <translation>Cuarentena de interfaces</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Control id</source>
        <translation>Id. de control</translation>
    </message>
    <message>
        <source>ACK</source>
        <translation>ACK</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>No messages in quarantine.</source>
        <translation>No hay mensajes en cuarentena.</translation>
    </message>
    <message>
        <source>&amp;Reprocess</source>
        <translation>&amp;Reprocesar</translation>
    </message>
    <message>
        <source>Try the selected message again (Ctrl+R)</source>
        <translation>Volver a intentar el mensaje seleccionado (Ctrl+R)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Ac&amp;tualizar</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) in quarantine</source>
        <translation>
            <numerusform>%n mensaje en cuarentena</numerusform>
            <numerusform>%n mensajes en cuarentena</numerusform>
        </translation>
    </message>
    <message>
        <source>Reprocessing…</source>
        <translation>Reprocesando…</translation>
    </message>
    <message>
        <source>Message processed.</source>
        <translation>Mensaje procesado.</translation>
    </message>
    <message>
        <source>Still in quarantine: %1.</source>
        <translation>Sigue en cuarentena: %1.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Re&amp;ason:</source>
        <translation>Mo&amp;tivo:</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Detalles:</translation>
    </message>
</context>
<context>
    <name>RemoveModuleDialog</name>
    <message>
        <source>Remove module</source>
        <translation>Quitar módulo</translation>
    </message>
    <message>
        <source>Why is “{title}” not needed for this patient?</source>
        <translation>¿Por qué “{title}” no es necesario para este paciente?</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>e.g. taught at last week&apos;s stay</source>
        <translation>p. ej., enseñado en la estancia de la semana pasada</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Say why the module is removed.</source>
        <translation>Indique por qué se quita el módulo.</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>Restablecer contraseña</translation>
    </message>
    <message>
        <source>&amp;Temporary password for %1</source>
        <translation>Contraseña &amp;temporal para %1</translation>
    </message>
    <message>
        <source>The user must choose a new password at next sign-in.</source>
        <translation>El usuario deberá elegir una contraseña nueva al iniciar sesión la próxima vez.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings — Transitions</source>
        <translation>Configuración — Transitions</translation>
    </message>
    <message>
        <source>This workstation</source>
        <translation>Esta estación de trabajo</translation>
    </message>
    <message>
        <source>Database in use:</source>
        <translation>Base de datos en uso:</translation>
    </message>
    <message>
        <source>Database address for this workstation</source>
        <translation>Dirección de la base de datos para esta estación de trabajo</translation>
    </message>
    <message>
        <source>&amp;Database address:</source>
        <translation>&amp;Dirección de la base de datos:</translation>
    </message>
    <message>
        <source>Leave empty to use the site&apos;s database. The address is checked by connecting before it is saved, and is used from the next start.</source>
        <translation>Déjelo vacío para usar la base de datos del centro. La dirección se comprueba conectándose antes de guardarla y se usa a partir del próximo inicio.</translation>
    </message>
    <message>
        <source>System default printer</source>
        <translation>Impresora predeterminada del sistema</translation>
    </message>
    <message>
        <source>%1 (not installed)</source>
        <translation>%1 (no instalada)</translation>
    </message>
    <message>
        <source>Default &amp;printer:</source>
        <translation>Im&amp;presora predeterminada:</translation>
    </message>
    <message>
        <source>&amp;Text size:</source>
        <translation>Tamaño del &amp;texto:</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Used from the next start.</source>
        <translation>Se usa a partir del próximo inicio.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Site database: %1</source>
        <translation>Base de datos del centro: %1</translation>
    </message>
    <message>
        <source>This computer&apos;s database: %1</source>
        <translation>Base de datos de esta computadora: %1</translation>
    </message>
    <message>
        <source>Site policy (read-only)</source>
        <translation>Política del centro (solo lectura)</translation>
    </message>
    <message>
        <source>Site file:</source>
        <translation>Archivo del centro:</translation>
    </message>
    <message>
        <source>none (built-in defaults)</source>
        <translation>ninguno (valores predeterminados integrados)</translation>
    </message>
    <message>
        <source>Hospital:</source>
        <translation>Hospital:</translation>
    </message>
    <message>
        <source>Call-back number:</source>
        <translation>Número para devolver la llamada:</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Zona horaria:</translation>
    </message>
    <message>
        <source>this computer&apos;s</source>
        <translation>de esta computadora</translation>
    </message>
    <message>
        <source>Holiday calendar:</source>
        <translation>Calendario de días festivos:</translation>
    </message>
    <message>
        <source>Screen lock after:</source>
        <translation>Bloqueo de pantalla tras:</translation>
    </message>
    <message>
        <source>%1 min idle</source>
        <translation>%1 min de inactividad</translation>
    </message>
    <message>
        <source>Minimum password length:</source>
        <translation>Longitud mínima de la contraseña:</translation>
    </message>
    <message>
        <source>Site database:</source>
        <translation>Base de datos del centro:</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>no establecido</translation>
    </message>
    <message>
        <source>Workstation files:</source>
        <translation>Archivos de la estación de trabajo:</translation>
    </message>
    <message>
        <source>Site policy applies to every workstation and is set by IT in the site file (TOML), not here. To change it: edit the file, run &lt;code&gt;transitions config check&lt;/code&gt;, then restart Transitions on each workstation.</source>
        <translation>La política del centro se aplica a todas las estaciones de trabajo y la establece TI en el archivo del centro (TOML), no aquí. Para cambiarla: edite el archivo, ejecute &lt;code&gt;transitions config check&lt;/code&gt; y luego reinicie Transitions en cada estación de trabajo.</translation>
    </message>
    <message>
        <source>none (weekends only)</source>
        <translation>ninguno (solo fines de semana)</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>Comprobando la base de datos…</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — Transitions</source>
        <translation>Iniciar sesión — Transitions</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Transitions</source>
        <translation>Transitions</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Escriba su nombre de usuario.</translation>
    </message>
</context>
<context>
    <name>StartupController</name>
    <message>
        <source>Opening the database…</source>
        <translation>Abriendo la base de datos…</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Cambiar de usuario</translation>
    </message>
    <message>
        <source>%1 is still signed in on this workstation. Signing in as %2 closes %1&apos;s open patients; anything %1 has not saved is discarded.

Sign %1 out and continue as %2?</source>
        <translation>%1 aún tiene la sesión iniciada en esta estación de trabajo. Si inicia sesión como %2, se cierran los pacientes abiertos de %1; se descarta todo lo que %1 no haya guardado.

¿Cerrar la sesión de %1 y continuar como %2?</translation>
    </message>
</context>
<context>
    <name>StaySummaryStep</name>
    <message>
        <source>Diagnoses</source>
        <translation>Diagnósticos</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>No diagnoses recorded</source>
        <translation>No hay diagnósticos registrados</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Alergias</translation>
    </message>
    <message>
        <source>Substance</source>
        <translation>Sustancia</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>Reacción</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>No allergies recorded</source>
        <translation>No hay alergias registradas</translation>
    </message>
    <message>
        <source>Labs at discharge</source>
        <translation>Análisis de laboratorio al alta</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>No lab results recorded</source>
        <translation>No hay resultados de laboratorio registrados</translation>
    </message>
    <message>
        <source>Home medications as recorded</source>
        <translation>Medicamentos en casa según lo registrado</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Vía</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Frecuencia</translation>
    </message>
    <message>
        <source>PRN</source>
        <translation>PRN</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>No home medications recorded</source>
        <translation>No hay medicamentos en casa registrados</translation>
    </message>
    <message>
        <source>Prior use of the hospital</source>
        <translation>Uso previo del hospital</translation>
    </message>
    <message>
        <source>ED visits, last 6 months:</source>
        <translation>Visitas a urgencias, últimos 6 meses:</translation>
    </message>
    <message>
        <source>Admissions, last 12 months:</source>
        <translation>Ingresos, últimos 12 meses:</translation>
    </message>
    <message>
        <source>Readmission after:</source>
        <translation>Reingreso después de:</translation>
    </message>
    <message>
        <source>Readmitted in:</source>
        <translation>Reingresado en:</translation>
    </message>
    <message>
        <source>Patient contact</source>
        <translation>Contacto con el paciente</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Teléfono:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Dirección:</translation>
    </message>
    <message>
        <source>Caregiver:</source>
        <translation>Cuidador:</translation>
    </message>
    <message>
        <source>Primary care:</source>
        <translation>Atención primaria:</translation>
    </message>
    <message>
        <source>Pharmacy:</source>
        <translation>Farmacia:</translation>
    </message>
    <message>
        <source>not classified</source>
        <translation>sin clasificar</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>programado</translation>
    </message>
    <message>
        <source>unplanned</source>
        <translation>no programado</translation>
    </message>
    <message>
        <source>stay %1 (%2%3)</source>
        <translation>estancia %1 (%2%3)</translation>
    </message>
    <message>
        <source>no (not within 30 days of a discharge)</source>
        <translation>no (no está dentro de los 30 días de un alta)</translation>
    </message>
    <message>
        <source>not within 30 days</source>
        <translation>no dentro de 30 días</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>no registrado</translation>
    </message>
</context>
<context>
    <name>StayTableModel</name>
    <message>
        <source>Patient</source>
        <extracomment>The :class:`StayRow` behind a row, from any column.</extracomment>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Edad</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Habitación</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Ingreso</translation>
    </message>
    <message>
        <source>Planned discharge</source>
        <translation>Alta prevista</translation>
    </message>
    <message>
        <source>LOS</source>
        <translation>Días est.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Educación</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>Length of stay</source>
        <translation>Duración de la estancia</translation>
    </message>
    <message>
        <source> · %1 reinforce</source>
        <translation> · %1 por reforzar</translation>
    </message>
    <message>
        <source>Pharmacist review</source>
        <translation>Revisión por farmacia</translation>
    </message>
    <message>
        <source>BOOST %1</source>
        <translation>BOOST %1</translation>
    </message>
    <message>
        <source>%1 · interpreter</source>
        <translation>%1 · intérprete</translation>
    </message>
    <message>
        <source>Born %1 · visit %2</source>
        <translation>Nac. %1 · visita %2</translation>
    </message>
    <message>
        <source>%1 — interpreter needed</source>
        <translation>%1 — necesita intérprete</translation>
    </message>
    <message>
        <source>No discharge date planned yet</source>
        <translation>Aún no hay fecha de alta prevista</translation>
    </message>
    <message>
        <source>Education items taught with teach-back / items required</source>
        <translation>Temas enseñados con teach-back / temas requeridos</translation>
    </message>
    <message>
        <source>Pharmacist review suggested (BOOST): %1</source>
        <translation>Se sugiere revisión por farmacia (BOOST): %1</translation>
    </message>
    <message>
        <source>BOOST 8P positive:</source>
        <translation>BOOST 8P positivo:</translation>
    </message>
</context>
<context>
    <name>TcmCalendar</name>
    <message>
        <source>30-day transitional care calendar</source>
        <translation>Calendario de atención transicional de 30 días</translation>
    </message>
    <message>
        <source>Discharge</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>Día %1</translation>
    </message>
    <message>
        <source>Contact due</source>
        <translation>Contacto pendiente</translation>
    </message>
    <message>
        <source>Visit due</source>
        <translation>Visita pendiente</translation>
    </message>
    <message>
        <source>TCM interactive contact due (2 business days)</source>
        <translation>Contacto interactivo de TCM pendiente (2 días hábiles)</translation>
    </message>
    <message>
        <source>Face-to-face visit due</source>
        <translation>Visita presencial pendiente</translation>
    </message>
</context>
<context>
    <name>TeachPanel</name>
    <message>
        <source>What to teach</source>
        <translation>Qué enseñar</translation>
    </message>
    <message>
        <source>— choose the teach-back result —</source>
        <translation>— elija el resultado del teach-back —</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— elija —</translation>
    </message>
    <message>
        <source>Interpreter ID number</source>
        <translation>Número de identificación del intérprete</translation>
    </message>
    <message>
        <source>&amp;Learner:</source>
        <translation>&amp;Quién aprende:</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Método:</translation>
    </message>
    <message>
        <source>&amp;Teach-back:</source>
        <translation>&amp;Teach-back:</translation>
    </message>
    <message>
        <source>&amp;Interpreter used:</source>
        <translation>Se usó &amp;intérprete:</translation>
    </message>
    <message>
        <source>Interpreter I&amp;D:</source>
        <translation>I&amp;D del intérprete:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otas:</translation>
    </message>
    <message>
        <source>&amp;Record teaching</source>
        <translation>&amp;Registrar enseñanza</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Quién aprende</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Intérprete</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Not taught yet</source>
        <translation>Aún no enseñado</translation>
    </message>
    <message>
        <source>Teaching history</source>
        <translation>Historial de enseñanza</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Yes, {id}</source>
        <translation>Sí, {id}</translation>
    </message>
    <message>
        <source>Teach-back required</source>
        <translation>Teach-back obligatorio</translation>
    </message>
    <message>
        <source>Teach-back optional</source>
        <translation>Teach-back opcional</translation>
    </message>
    <message>
        <source>Teach-back:</source>
        <translation>Teach-back:</translation>
    </message>
    <message>
        <source>Call your doctor if:</source>
        <translation>Llame a su médico si:</translation>
    </message>
    <message>
        <source>Call 911 if:</source>
        <translation>Llame al 911 si:</translation>
    </message>
    <message>
        <source>Choose the teach-back result.</source>
        <translation>Elija el resultado del teach-back.</translation>
    </message>
    <message>
        <source>Say whether an interpreter was used.</source>
        <translation>Indique si se usó un intérprete.</translation>
    </message>
    <message>
        <source>Enter the interpreter&apos;s ID.</source>
        <translation>Escriba la identificación del intérprete.</translation>
    </message>
</context>
<context>
    <name>UserEditDialog</name>
    <message>
        <source>Add user</source>
        <translation>Agregar usuario</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>Editar usuario</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>Nombre de &amp;usuario</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>&amp;Nombre completo</translation>
    </message>
    <message>
        <source>&amp;Temporary password</source>
        <translation>Contraseña &amp;temporal</translation>
    </message>
    <message>
        <source>&amp;Roles</source>
        <translation>&amp;Roles</translation>
    </message>
    <message>
        <source>U&amp;nits (none = all units)</source>
        <translation>U&amp;nidades (ninguna = todas)</translation>
    </message>
    <message>
        <source>Loaded the saved version. Review and save again.</source>
        <translation>Se cargó la versión guardada. Revísela y vuelva a guardar.</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>hasta %1</translation>
    </message>
    <message>
        <source>must change password</source>
        <translation>debe cambiar la contraseña</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <source>all</source>
        <translation>todas</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Locked / password</source>
        <translation>Bloqueado / contraseña</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>&amp;Agregar usuario…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>&amp;Restablecer contraseña…</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Se guardó %1.</translation>
    </message>
    <message>
        <source>Disable user</source>
        <translation>Desactivar usuario</translation>
    </message>
    <message>
        <source>Disable the account %1? They can no longer sign in.</source>
        <translation>¿Desactivar la cuenta %1? Ya no podrá iniciar sesión.</translation>
    </message>
    <message>
        <source>Disabled %1.</source>
        <translation>Se desactivó %1.</translation>
    </message>
    <message>
        <source>Password of %1 reset. Give them the temporary password; they must choose a new one at their next sign-in.</source>
        <translation>Se restableció la contraseña de %1. Entréguele la contraseña temporal; deberá elegir una nueva la próxima vez que inicie sesión.</translation>
    </message>
</context>
<context>
    <name>WorklistPage</name>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Todas las unidades</translation>
    </message>
    <message>
        <source>Discharge date</source>
        <translation>Fecha de alta</translation>
    </message>
    <message>
        <source>All current stays</source>
        <translation>Todas las estancias actuales</translation>
    </message>
    <message>
        <source>Planned today</source>
        <translation>Prevista hoy</translation>
    </message>
    <message>
        <source>Planned tomorrow</source>
        <translation>Prevista mañana</translation>
    </message>
    <message>
        <source>Planned on…</source>
        <translation>Prevista para…</translation>
    </message>
    <message>
        <source>Planned discharge day</source>
        <translation>Día de alta previsto</translation>
    </message>
    <message>
        <source>Search name or MRN</source>
        <translation>Buscar nombre o MRN</translation>
    </message>
    <message>
        <source>Number of patients</source>
        <translation>Número de pacientes</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Load the worklist again (F5)</source>
        <translation>Volver a cargar la lista de trabajo (F5)</translation>
    </message>
    <message>
        <source>Ward worklist</source>
        <translation>Lista de trabajo de la unidad</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>&amp;Unidad</translation>
    </message>
    <message>
        <source>&amp;Discharge</source>
        <translation>&amp;Alta</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>No current inpatients match these filters</source>
        <translation>Ningún paciente hospitalizado actual coincide con estos filtros</translation>
    </message>
</context>
<context>
    <name>WorkspaceSteps</name>
    <message>
        <source>Stay summary</source>
        <extracomment>source text; shown through QCoreApplication.translate(&quot;WorkspaceSteps&quot;, title)</extracomment>
        <translation>Resumen de la estancia</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>Medicamentos</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Educación</translation>
    </message>
    <message>
        <source>Discharge packet</source>
        <translation>Paquete de alta</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Something went wrong; the details were written to the log.</source>
        <translation>Algo salió mal; los detalles se escribieron en el registro.</translation>
    </message>
    <message>
        <source>Transitions</source>
        <translation>Transitions</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>Today %1</source>
        <translation>Hoy %1</translation>
    </message>
    <message>
        <source>Tomorrow %1</source>
        <translation>Mañana %1</translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <translation>Ayer %1</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 y</source>
        <translation>%1 a</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Femenino</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculino</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>O</source>
        <translation>O</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>U</source>
        <translation>D</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Caregiver</source>
        <translation>Cuidador</translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation>Farmacia</translation>
    </message>
    <message>
        <source>Prior record</source>
        <translation>Registro anterior</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Mild</source>
        <translation>Leve</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Moderada</translation>
    </message>
    <message>
        <source>Severe</source>
        <translation>Grave</translation>
    </message>
    <message>
        <source>%1 of %2 patients</source>
        <translation>%1 de %2 pacientes</translation>
    </message>
    <message>
        <source>1 patient</source>
        <translation>1 paciente</translation>
    </message>
    <message>
        <source>%1 patients</source>
        <translation>%1 pacientes</translation>
    </message>
</context>
<context>
    <name>run_gui</name>
    <message>
        <source>Transitions cannot start</source>
        <translation>Transitions no puede iniciarse</translation>
    </message>
</context>
</TS>
