<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AcknowledgeDialog</name>
    <message>
        <source>Acknowledge checklist item</source>
        <translation>Aceptar un punto de la lista</translation>
    </message>
    <message>
        <source>“{label}” is not done. Why can the patient go home without it?</source>
        <translation>«{label}» no está hecho. ¿Por qué puede el paciente irse a casa sin ello?</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>e.g. summary faxed by the ward clerk</source>
        <translation>p. ej., resumen enviado por fax por el administrativo de planta</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Say why this item can be left as it is.</source>
        <translation>Diga por qué este punto puede quedar así.</translation>
    </message>
</context>
<context>
    <name>AddendumDialog</name>
    <message>
        <source>Add an addendum</source>
        <translation>Añadir una adenda</translation>
    </message>
    <message>
        <source>The discharge is signed and frozen. What do you want to add to the record?</source>
        <translation>El alta está firmada y cerrada. ¿Qué quiere añadir al registro?</translation>
    </message>
    <message>
        <source>Addendum</source>
        <translation>Adenda</translation>
    </message>
    <message>
        <source>Add addendum</source>
        <translation>Añadir adenda</translation>
    </message>
    <message>
        <source>Write the addendum first.</source>
        <translation>Escriba primero la adenda.</translation>
    </message>
    <message>
        <source>Keep the addendum under {n} characters.</source>
        <translation>La adenda debe tener menos de {n} caracteres.</translation>
    </message>
</context>
<context>
    <name>AnswerField</name>
    <message>
        <source>Changed, not saved yet</source>
        <translation>Cambiado, sin guardar</translation>
    </message>
    <message>
        <source>From the patient record</source>
        <translation>Del expediente del paciente</translation>
    </message>
    <message>
        <source>{source} · {who} · {when}</source>
        <translation>{source} · {who} · {when}</translation>
    </message>
    <message>
        <source>Declined to answer</source>
        <translation>No quiso responder</translation>
    </message>
    <message>
        <source>({n} changes)</source>
        <translation>({n} cambios)</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>no quiso responder</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>borrada</translation>
    </message>
</context>
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
    <name>Assessment</name>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Caregiver or proxy</source>
        <translation>Cuidador o representante</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Expediente</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Vivienda</translation>
    </message>
    <message>
        <source>Food</source>
        <translation>Alimentación</translation>
    </message>
    <message>
        <source>Transportation</source>
        <translation>Transporte</translation>
    </message>
    <message>
        <source>Utilities</source>
        <translation>Servicios públicos</translation>
    </message>
    <message>
        <source>Personal safety</source>
        <translation>Seguridad personal</translation>
    </message>
    <message>
        <source>Medicine costs</source>
        <translation>Costo de medicamentos</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Health literacy</source>
        <translation>Alfabetización en salud</translation>
    </message>
    <message>
        <source>Primary care</source>
        <translation>Atención primaria</translation>
    </message>
    <message>
        <source>Caregiver</source>
        <translation>Cuidador</translation>
    </message>
    <message>
        <source>Daily activities</source>
        <translation>Actividades diarias</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelta</translation>
    </message>
    <message>
        <source>Patient declined help</source>
        <translation>El paciente rechazó la ayuda</translation>
    </message>
    <message>
        <source>Before admission</source>
        <translation>Antes del ingreso</translation>
    </message>
    <message>
        <source>At discharge</source>
        <translation>Al alta</translation>
    </message>
</context>
<context>
    <name>AssessmentStep</name>
    <message>
        <source>Loading the assessment…</source>
        <translation>Cargando la valoración…</translation>
    </message>
    <message>
        <source>&amp;Save assessment</source>
        <translation>&amp;Guardar valoración</translation>
    </message>
    <message>
        <source>Save every changed answer (Ctrl+S)</source>
        <translation>Guardar todas las respuestas cambiadas (Ctrl+S)</translation>
    </message>
    <message>
        <source>F&amp;unction</source>
        <translation>F&amp;unción</translation>
    </message>
    <message>
        <source>&amp;Home and support</source>
        <translation>&amp;Hogar y apoyo</translation>
    </message>
    <message>
        <source>Social nee&amp;ds</source>
        <translation>Necesida&amp;des sociales</translation>
    </message>
    <message>
        <source>Other &amp;barriers</source>
        <translation>Otras &amp;barreras</translation>
    </message>
    <message>
        <source>Unsaved answers: {n}</source>
        <translation>Respuestas sin guardar: {n}</translation>
    </message>
    <message>
        <source>Someone else saved this assessment; your unsaved answers are kept. Save them to compare, or reload.</source>
        <translation>Otra persona guardó esta valoración; sus respuestas sin guardar se conservan. Guárdelas para comparar, o vuelva a cargar.</translation>
    </message>
    <message>
        <source>Assessment: {answered} of {required} questions answered</source>
        <translation>Valoración: {answered} de {required} preguntas respondidas</translation>
    </message>
    <message>
        <source>Not assessed yet</source>
        <translation>Aún sin valorar</translation>
    </message>
    <message>
        <source>Last saved by {who}, {when}</source>
        <translation>Guardada por última vez por {who}, {when}</translation>
    </message>
    <message>
        <source>Nothing to save</source>
        <translation>Nada que guardar</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Modificado por otra persona</translation>
    </message>
    <message>
        <source>Reload the assessment now? Answers you have not saved will be lost.</source>
        <translation>¿Volver a cargar la valoración ahora? Se perderán las respuestas que no haya guardado.</translation>
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
    <name>CallGoalsPanel</name>
    <message>
        <source>The patient&apos;s goals</source>
        <extracomment>the table shows this many goals before it scrolls</extracomment>
        <translation>Las metas del paciente</translation>
    </message>
    <message>
        <source>No goals were set with the patient.</source>
        <translation>No se fijaron metas con el paciente.</translation>
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
    <name>CarePlan</name>
    <message>
        <source>In the patient&apos;s words</source>
        <translation>En palabras del paciente</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objetivo medible</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Para el</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>Apoyada por</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Vivienda</translation>
    </message>
    <message>
        <source>Food</source>
        <translation>Alimentación</translation>
    </message>
    <message>
        <source>Transportation</source>
        <translation>Transporte</translation>
    </message>
    <message>
        <source>Utilities</source>
        <translation>Servicios públicos</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>Medication cost</source>
        <translation>Costo de medicamentos</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Health literacy</source>
        <translation>Alfabetización en salud</translation>
    </message>
    <message>
        <source>Primary care</source>
        <translation>Atención primaria</translation>
    </message>
    <message>
        <source>Caregiver</source>
        <translation>Cuidador</translation>
    </message>
    <message>
        <source>Daily activities</source>
        <translation>Actividades diarias</translation>
    </message>
    <message>
        <source>Met by an interpreter and translated materials (Education step)</source>
        <extracomment>How a domain without community referrals is met (resources/careplan/community.toml met_by)</extracomment>
        <translation>Cubierta con intérprete y materiales traducidos (paso Educación)</translation>
    </message>
    <message>
        <source>Met by teach-back (Education step)</source>
        <translation>Cubierta con la enseñanza de retorno (paso Educación)</translation>
    </message>
    <message>
        <source>Met by a primary care follow-up (Appointments step)</source>
        <translation>Cubierta con una cita de atención primaria (paso Citas)</translation>
    </message>
    <message>
        <source>No community referral needed</source>
        <translation>No necesita derivación comunitaria</translation>
    </message>
    <message>
        <source>Food bank</source>
        <translation>Banco de alimentos</translation>
    </message>
    <message>
        <source>Medical transport</source>
        <translation>Transporte médico</translation>
    </message>
    <message>
        <source>Housing help</source>
        <translation>Ayuda con la vivienda</translation>
    </message>
    <message>
        <source>Utility assistance</source>
        <translation>Ayuda con servicios públicos</translation>
    </message>
    <message>
        <source>Meals on wheels</source>
        <translation>Comidas a domicilio</translation>
    </message>
    <message>
        <source>Pharmacy assistance programme</source>
        <translation>Programa de ayuda para medicamentos</translation>
    </message>
    <message>
        <source>Home care agency</source>
        <translation>Agencia de cuidado en el hogar</translation>
    </message>
    <message>
        <source>Domestic-violence services</source>
        <translation>Servicios contra la violencia doméstica</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>Sugerida</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Derivada</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Aceptada</translation>
    </message>
    <message>
        <source>Declined by the patient</source>
        <translation>Rechazada por el paciente</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Unable to reach</source>
        <translation>Sin contacto</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Cumplida</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>No cumplida</translation>
    </message>
    <message>
        <source>Revised</source>
        <translation>Revisada</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Necesidad</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Educación</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Derivación</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelta</translation>
    </message>
    <message>
        <source>Patient declined help</source>
        <translation>El paciente rechazó la ayuda</translation>
    </message>
    <message>
        <source>%1 mi</source>
        <translation>%1 mi</translation>
    </message>
    <message>
        <source>{status}: {resource}</source>
        <translation>{status}: {resource}</translation>
    </message>
    <message>
        <source>No referral yet</source>
        <translation>Sin derivación todavía</translation>
    </message>
    <message>
        <source>{need} need: the resource could not be reached; refer to another one.</source>
        <translation>Necesidad «{need}»: no se pudo contactar con el recurso; derive a otro.</translation>
    </message>
    <message>
        <source>{need} need: a resource was suggested but no referral made.</source>
        <translation>Necesidad «{need}»: se sugirió un recurso pero no se hizo la derivación.</translation>
    </message>
    <message>
        <source>{need} need has no referral: {description}</source>
        <translation>Necesidad «{need}» sin derivación: {description}</translation>
    </message>
</context>
<context>
    <name>CarePlanStep</name>
    <message>
        <source>Care plan warnings</source>
        <translation>Avisos del plan de cuidados</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Necesidad</translation>
    </message>
    <message>
        <source>What the patient said</source>
        <translation>Lo que dijo el paciente</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Derivación</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Necesidades</translation>
    </message>
    <message>
        <source>No needs recorded. The Assessment step opens them from the patient&apos;s answers.</source>
        <translation>No hay necesidades registradas. El paso Evaluación las abre a partir de las respuestas del paciente.</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Recurso</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Derivada el</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Derivaciones</translation>
    </message>
    <message>
        <source>No referrals yet.</source>
        <translation>Todavía no hay derivaciones.</translation>
    </message>
    <message>
        <source>No goals yet. Ask what matters most to the patient, then press Ctrl+G.</source>
        <translation>Todavía no hay metas. Pregunte al paciente qué es lo más importante para él y pulse Ctrl+G.</translation>
    </message>
    <message>
        <source>&amp;Refer… (Ctrl+R)</source>
        <translation>&amp;Derivar… (Ctrl+R)</translation>
    </message>
    <message>
        <source>&amp;Update referral…</source>
        <translation>&amp;Actualizar derivación…</translation>
    </message>
    <message>
        <source>&amp;New goal… (Ctrl+G)</source>
        <translation>&amp;Nueva meta… (Ctrl+G)</translation>
    </message>
    <message>
        <source>&amp;Edit goal…</source>
        <translation>&amp;Editar meta…</translation>
    </message>
    <message>
        <source>Refer the need</source>
        <translation>Derivar la necesidad</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>Nueva meta</translation>
    </message>
    <message>
        <source>Nee&amp;ds and community referrals</source>
        <translation>Necesidades y derivaciones a la &amp;comunidad</translation>
    </message>
    <message>
        <source>Re&amp;ferrals made:</source>
        <translation>Derivaciones &amp;hechas:</translation>
    </message>
    <message>
        <source>Goals made with the &amp;patient</source>
        <translation>Metas fijadas con el &amp;paciente</translation>
    </message>
    <message>
        <source>No needs recorded for this stay.</source>
        <translation>No hay necesidades registradas en esta estancia.</translation>
    </message>
    <message>
        <source>Every open need that calls for a community referral has one.</source>
        <translation>Toda necesidad abierta que requiere una derivación comunitaria la tiene.</translation>
    </message>
    <message>
        <source>{n} of {total} open needs still need a community referral.</source>
        <translation>{n} de {total} necesidades abiertas aún requieren una derivación comunitaria.</translation>
    </message>
    <message>
        <source>Goals: {n}.</source>
        <translation>Metas: {n}.</translation>
    </message>
    <message>
        <source>Care plan</source>
        <translation>Plan de cuidados</translation>
    </message>
    <message>
        <source>Only open needs are referred.</source>
        <translation>Solo se derivan las necesidades abiertas.</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>Cambiado en otro puesto</translation>
    </message>
    <message>
        <source>Reload the care plan now?</source>
        <translation>¿Volver a cargar el plan de cuidados ahora?</translation>
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
    <name>ChoiceField</name>
    <message>
        <source>— not answered —</source>
        <translation>— sin responder —</translation>
    </message>
    <message>
        <source>Declined to answer</source>
        <translation>No quiso responder</translation>
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
    <name>Discharge</name>
    <message>
        <source>Language assistance</source>
        <translation>Asistencia de idioma</translation>
    </message>
    <message>
        <source>Appointments for follow-up care and tests</source>
        <translation>Citas de seguimiento y pruebas</translation>
    </message>
    <message>
        <source>Plan for results pending at discharge</source>
        <translation>Plan para los resultados pendientes al alta</translation>
    </message>
    <message>
        <source>Outpatient services and medical equipment</source>
        <translation>Servicios ambulatorios y equipo médico</translation>
    </message>
    <message>
        <source>Correct medicines and a plan to obtain them</source>
        <translation>Medicamentos correctos y plan para obtenerlos</translation>
    </message>
    <message>
        <source>Medicines reconciled with guidelines (nurse attests)</source>
        <translation>Medicamentos conciliados según las guías (lo certifica la enfermera)</translation>
    </message>
    <message>
        <source>Written discharge plan taught</source>
        <translation>Plan de alta escrito enseñado</translation>
    </message>
    <message>
        <source>Education on diagnosis and medicines</source>
        <translation>Educación sobre el diagnóstico y los medicamentos</translation>
    </message>
    <message>
        <source>What to do if a problem arises</source>
        <translation>Qué hacer si surge un problema</translation>
    </message>
    <message>
        <source>Understanding assessed (teach-back)</source>
        <translation>Comprensión evaluada (teach-back)</translation>
    </message>
    <message>
        <source>Discharge summary sent to the primary care provider</source>
        <translation>Resumen de alta enviado al médico de atención primaria</translation>
    </message>
    <message>
        <source>Telephone reinforcement of the discharge plan</source>
        <translation>Refuerzo telefónico del plan de alta</translation>
    </message>
    <message>
        <source>Record the interpreter when teaching; arrange interpreters for visits.</source>
        <translation>Registre el intérprete al enseñar; organice intérpretes para las citas.</translation>
    </message>
    <message>
        <source>Book the PCP follow-up before the visit deadline.</source>
        <translation>Reserve la cita con el médico de cabecera antes del plazo de la visita.</translation>
    </message>
    <message>
        <source>Name the clinician responsible for each pending result.</source>
        <translation>Indique el clínico responsable de cada resultado pendiente.</translation>
    </message>
    <message>
        <source>Arrange transport and interpreters; give home services a start date.</source>
        <translation>Organice transporte e intérpretes; dé fecha de inicio a los servicios a domicilio.</translation>
    </message>
    <message>
        <source>Decide every medicine and record the patient&apos;s pharmacy.</source>
        <translation>Decida cada medicamento y registre la farmacia del paciente.</translation>
    </message>
    <message>
        <source>Sign the medication reconciliation (and the pharmacist&apos;s, if required).</source>
        <translation>Firme la conciliación de medicamentos (y la del farmacéutico, si se exige).</translation>
    </message>
    <message>
        <source>Print the discharge packet (again after any change).</source>
        <translation>Imprima el paquete de alta (de nuevo tras cualquier cambio).</translation>
    </message>
    <message>
        <source>Teach every education module.</source>
        <translation>Enseñe todos los módulos educativos.</translation>
    </message>
    <message>
        <source>Teach the warning signs: when to call the doctor or 911.</source>
        <translation>Enseñe los signos de alarma: cuándo llamar al médico o al 911.</translation>
    </message>
    <message>
        <source>Finish teach-back; write a plan for items that need reinforcement.</source>
        <translation>Complete el teach-back; escriba un plan para los puntos que necesitan refuerzo.</translation>
    </message>
    <message>
        <source>Send the discharge summary to the primary care provider.</source>
        <translation>Envíe el resumen de alta al médico de atención primaria.</translation>
    </message>
    <message>
        <source>Record a phone number for the follow-up call.</source>
        <translation>Registre un número de teléfono para la llamada de seguimiento.</translation>
    </message>
    <message>
        <source>Answer the functional status and social needs questions.</source>
        <translation>Responda las preguntas de capacidad funcional y necesidades sociales.</translation>
    </message>
    <message>
        <source>Refer each open need to a community resource and set goals with the patient.</source>
        <translation>Derive cada necesidad abierta a un recurso comunitario y fije objetivos con el paciente.</translation>
    </message>
    <message>
        <source>Decide every medicine, resolve or accept the warnings, and sign.</source>
        <translation>Decida cada medicamento, resuelva o acepte las advertencias y firme.</translation>
    </message>
    <message>
        <source>Book the PCP follow-up by the visit deadline.</source>
        <translation>Reserve la cita con el médico de cabecera dentro del plazo de la visita.</translation>
    </message>
    <message>
        <source>Teach each item with teach-back; plan any reinforcement.</source>
        <translation>Enseñe cada punto con teach-back; planifique cualquier refuerzo.</translation>
    </message>
    <message>
        <source>Print the packet (or save it as PDF) after the last change.</source>
        <translation>Imprima el paquete (o guárdelo en PDF) después del último cambio.</translation>
    </message>
    <message>
        <source>Score the readmission risk.</source>
        <translation>Calcule el riesgo de reingreso.</translation>
    </message>
    <message>
        <source>Open the step and check its warnings.</source>
        <translation>Abra el paso y revise sus advertencias.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Falta</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Revisar</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Aceptado</translation>
    </message>
    <message>
        <source>Readmission risk</source>
        <translation>Riesgo de reingreso</translation>
    </message>
    <message>
        <source>discharge cancelled by the hospital&apos;s ADT feed (A13)</source>
        <translation>alta cancelada por el sistema ADT del hospital (A13)</translation>
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
</context>
<context>
    <name>DischargeStep</name>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>What is left</source>
        <translation>Qué falta</translation>
    </message>
    <message>
        <source>Readiness by step</source>
        <translation>Preparación por paso</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Punto</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>What to do / reason</source>
        <translation>Qué hacer / motivo</translation>
    </message>
    <message>
        <source>Project RED discharge checklist</source>
        <translation>Lista de alta del Proyecto RED</translation>
    </message>
    <message>
        <source>&amp;Open its step</source>
        <translation>&amp;Ir a su paso</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge…</source>
        <translation>Acep&amp;tar con motivo…</translation>
    </message>
    <message>
        <source>&amp;Withdraw acknowledgement</source>
        <translation>&amp;Retirar aceptación</translation>
    </message>
    <message>
        <source>Summar&amp;y to the PCP…</source>
        <translation>Resumen para el médico de ca&amp;becera…</translation>
    </message>
    <message>
        <source>The discharge summary for the primary care provider: send or fax it.</source>
        <translation>El resumen de alta para el médico de atención primaria: envíelo o mándelo por fax.</translation>
    </message>
    <message>
        <source>Score &amp;risk now</source>
        <translation>Calcular ries&amp;go ahora</translation>
    </message>
    <message>
        <source>Choose where the patient goes…</source>
        <translation>Elija adónde va el paciente…</translation>
    </message>
    <message>
        <source>Discharge disposition</source>
        <translation>Destino al alta</translation>
    </message>
    <message>
        <source>&amp;Discharged to:</source>
        <translation>&amp;Destino al alta:</translation>
    </message>
    <message>
        <source>Discharge &amp;patient</source>
        <translation>Dar de alta al &amp;paciente</translation>
    </message>
    <message>
        <source>Add adde&amp;ndum…</source>
        <translation>Añadir ade&amp;nda…</translation>
    </message>
    <message>
        <source> · blocks</source>
        <translation> · bloquea</translation>
    </message>
    <message>
        <source>Discharged to {where} on {when} by {who}.</source>
        <translation>Alta a {where} el {when} por {who}.</translation>
    </message>
    <message>
        <source>This record is frozen; later notes are addenda.</source>
        <translation>Este registro está cerrado; las notas posteriores son adendas.</translation>
    </message>
    <message>
        <source>The hospital system discharged this patient on {when}.</source>
        <translation>El sistema del hospital dio de alta a este paciente el {when}.</translation>
    </message>
    <message>
        <source>Sign the discharge off to complete the record.</source>
        <translation>Firme el alta para completar el registro.</translation>
    </message>
    <message>
        <source>Ready to discharge: every checklist item is done or acknowledged.</source>
        <translation>Listo para el alta: cada punto de la lista está hecho o aceptado.</translation>
    </message>
    <message>
        <source>Steps with work left: {steps}.</source>
        <translation>Pasos con trabajo pendiente: {steps}.</translation>
    </message>
    <message>
        <source>Not ready yet: {n} of {total} checklist items are missing.</source>
        <translation>Aún no está listo: faltan {n} de {total} puntos de la lista.</translation>
    </message>
    <message>
        <source>An earlier sign-off by {who} on {when} was voided: {reason}.</source>
        <translation>Se anuló una firma anterior del alta (firmada por {who} el {when}): {reason}.</translation>
    </message>
    <message>
        <source>Readmission risk: not scored yet.</source>
        <translation>Riesgo de reingreso: aún sin calcular.</translation>
    </message>
    <message>
        <source>Readmission risk: LACE {lace} ({lace_tier}) · HOSPITAL {hospital} ({hospital_tier}), scored {when}.</source>
        <translation>Riesgo de reingreso: LACE {lace} ({lace_tier}) · HOSPITAL {hospital} ({hospital_tier}), calculado el {when}.</translation>
    </message>
    <message>
        <source>Addenda:</source>
        <translation>Adendas:</translation>
    </message>
    <message>
        <source>Your role cannot sign a discharge off.</source>
        <translation>Su rol no puede firmar un alta.</translation>
    </message>
    <message>
        <source>Blocked by site policy until done: {items}.</source>
        <translation>Bloqueado por la política del centro hasta que se haga: {items}.</translation>
    </message>
    <message>
        <source>{n} missing item(s): complete each, or select it and acknowledge it with a reason (Alt+K).</source>
        <translation>{n} punto(s) pendiente(s): complete cada uno, o selecciónelo y acéptelo con un motivo (Alt+T).</translation>
    </message>
    <message>
        <source>Choose where the patient is discharged to.</source>
        <translation>Elija el destino del paciente al alta.</translation>
    </message>
    <message>
        <source>Discharge patient</source>
        <translation>Dar de alta al paciente</translation>
    </message>
    <message>
        <source>Discharge this patient to {where} now? The discharge record is then frozen and the follow-up calls are scheduled.</source>
        <translation>¿Dar de alta ahora a este paciente con destino {where}? El registro del alta queda cerrado y se programan las llamadas de seguimiento.</translation>
    </message>
    <message>
        <source>The discharge was refused:</source>
        <translation>El alta fue rechazada:</translation>
    </message>
    <message>
        <source>{label} — blocks discharge (site policy): {detail}</source>
        <translation>{label}: impide el alta (política del centro): {detail}</translation>
    </message>
    <message>
        <source>{label} — missing; acknowledge it with a reason: {detail}</source>
        <translation>{label}: falta; acéptelo indicando un motivo: {detail}</translation>
    </message>
</context>
<context>
    <name>Disposition</name>
    <message>
        <source>Home</source>
        <translation>Domicilio</translation>
    </message>
    <message>
        <source>Alternative home</source>
        <translation>Domicilio alternativo</translation>
    </message>
    <message>
        <source>Other healthcare facility</source>
        <translation>Otro centro sanitario</translation>
    </message>
    <message>
        <source>Hospice</source>
        <translation>Cuidados paliativos (hospice)</translation>
    </message>
    <message>
        <source>Long-term care</source>
        <translation>Cuidados de larga duración</translation>
    </message>
    <message>
        <source>Left against advice</source>
        <translation>Alta voluntaria contra consejo médico</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Fallecido</translation>
    </message>
    <message>
        <source>Psychiatric hospital</source>
        <translation>Hospital psiquiátrico</translation>
    </message>
    <message>
        <source>Rehabilitation</source>
        <translation>Rehabilitación</translation>
    </message>
    <message>
        <source>Skilled nursing facility</source>
        <translation>Centro de enfermería especializada</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
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
        <source>%1, phone %2</source>
        <translation>%1, teléfono %2</translation>
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
    <name>GoalDialog</name>
    <message>
        <source>Edit goal</source>
        <translation>Editar meta</translation>
    </message>
    <message>
        <source>New goal with the patient</source>
        <translation>Nueva meta con el paciente</translation>
    </message>
    <message>
        <source>e.g. “I want to walk to church again”</source>
        <translation>p. ej. «Quiero volver a caminar hasta la iglesia»</translation>
    </message>
    <message>
        <source>e.g. walk 10 minutes twice a day; weigh every morning, call if up 2 lb</source>
        <translation>p. ej. caminar 10 minutos dos veces al día; pesarse cada mañana y llamar si sube 2 lb</translation>
    </message>
    <message>
        <source>What serves this goal</source>
        <translation>Lo que apoya esta meta</translation>
    </message>
    <message>
        <source>In the patient&apos;s &amp;words:</source>
        <translation>En &amp;palabras del paciente:</translation>
    </message>
    <message>
        <source>Measurable &amp;target:</source>
        <translation>&amp;Objetivo medible:</translation>
    </message>
    <message>
        <source>&amp;By:</source>
        <translation>Para &amp;el:</translation>
    </message>
    <message>
        <source>&amp;Served by:</source>
        <translation>&amp;Apoyada por:</translation>
    </message>
    <message>
        <source>Space ticks the highlighted need, module, appointment or referral.</source>
        <translation>La barra espaciadora marca la necesidad, módulo, cita o derivación resaltada.</translation>
    </message>
</context>
<context>
    <name>GoalStatusEditor</name>
    <message>
        <source>Goal status</source>
        <translation>Estado de la meta</translation>
    </message>
    <message>
        <source>what the patient said, e.g. weighs every morning</source>
        <translation>lo que dijo el paciente, p. ej. se pesa cada mañana</translation>
    </message>
    <message>
        <source>Update &amp;goal</source>
        <translation>Actualizar &amp;meta</translation>
    </message>
    <message>
        <source>Goal s&amp;tatus:</source>
        <translation>Es&amp;tado de la meta:</translation>
    </message>
    <message>
        <source>&amp;What the patient said:</source>
        <translation>&amp;Lo que dijo el paciente:</translation>
    </message>
</context>
<context>
    <name>GoalsTable</name>
    <message>
        <source>Goals</source>
        <translation>Metas</translation>
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
    <name>MultiField</name>
    <message>
        <source>Declined to answer</source>
        <translation>No quiso responder</translation>
    </message>
</context>
<context>
    <name>NeedsPanel</name>
    <message>
        <source>&amp;Needs</source>
        <translation>&amp;Necesidades</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Necesidad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Necesidades</translation>
    </message>
    <message>
        <source>No needs: nothing has screened positive</source>
        <translation>Sin necesidades: ningún tamizaje salió positivo</translation>
    </message>
    <message>
        <source>Mark &amp;resolved</source>
        <translation>Marcar &amp;resuelta</translation>
    </message>
    <message>
        <source>Patient decl&amp;ined help</source>
        <translation>El paciente &amp;rechazó la ayuda</translation>
    </message>
    <message>
        <source>Re&amp;open</source>
        <translation>Re&amp;abrir</translation>
    </message>
    <message>
        <source>From: {question}</source>
        <translation>Origen: {question}</translation>
    </message>
    <message>
        <source>Identified by {who}</source>
        <translation>Identificada por {who}</translation>
    </message>
    <message>
        <source>A referral or goal refers to this need</source>
        <translation>Una derivación o una meta se refiere a esta necesidad</translation>
    </message>
    <message>
        <source>Open needs: {n}. They follow the answers each time you save.</source>
        <translation>Necesidades abiertas: {n}. Se actualizan con las respuestas cada vez que guarda.</translation>
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
        <source>Summar&amp;y to the PCP…</source>
        <translation>Resumen para el médico de ca&amp;becera…</translation>
    </message>
    <message>
        <source>The discharge summary for the primary care provider: send or fax it.</source>
        <translation>El resumen de alta para el médico de atención primaria: envíelo o mándelo por fax.</translation>
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
    <name>PcpSummaryDialog</name>
    <message>
        <source>Discharge summary to the primary care provider</source>
        <translation>Resumen de alta para el médico de atención primaria</translation>
    </message>
</context>
<context>
    <name>PcpSummaryPanel</name>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Hospital course</source>
        <translation>Evolución hospitalaria</translation>
    </message>
    <message>
        <source>What happened during the stay, for the doctor who sees the patient next: presentation, treatment and response, procedures, condition at discharge, what to follow up.</source>
        <translation>Qué pasó durante la estancia, para el médico que verá al paciente después: presentación, tratamiento y respuesta, procedimientos, estado al alta, qué hay que seguir.</translation>
    </message>
    <message>
        <source>&amp;Hospital course:</source>
        <translation>&amp;Evolución hospitalaria:</translation>
    </message>
    <message>
        <source>&amp;Save hospital course</source>
        <translation>&amp;Guardar evolución hospitalaria</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Recipient&apos;s fax number</source>
        <translation>Número de fax del destinatario</translation>
    </message>
    <message>
        <source>Summary language</source>
        <translation>Idioma del resumen</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Para:</translation>
    </message>
    <message>
        <source>Fa&amp;x:</source>
        <translation>Fa&amp;x:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>&amp;Preview summary</source>
        <translation>&amp;Vista previa del resumen</translation>
    </message>
    <message>
        <source>Send to &amp;outbox</source>
        <translation>Enviar a la &amp;bandeja de salida</translation>
    </message>
    <message>
        <source>Print with &amp;fax cover…</source>
        <translation>Imprimir con portada de &amp;fax…</translation>
    </message>
    <message>
        <source>Send to the primary care provider</source>
        <translation>Enviar al médico de atención primaria</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Cómo</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Summaries sent</source>
        <translation>Resúmenes enviados</translation>
    </message>
    <message>
        <source>The summary has not been sent yet.</source>
        <translation>El resumen aún no se ha enviado.</translation>
    </message>
    <message>
        <source>Sho&amp;w sent version</source>
        <translation>&amp;Mostrar versión enviada</translation>
    </message>
    <message>
        <source>S&amp;ent:</source>
        <translation>E&amp;nviados:</translation>
    </message>
    <message>
        <source>Summary preview</source>
        <translation>Vista previa del resumen</translation>
    </message>
    <message>
        <source>No outbox folder is set in the site file (pcp_summary.outbox).</source>
        <translation>El archivo del sitio no indica una carpeta de bandeja de salida (pcp_summary.outbox).</translation>
    </message>
    <message>
        <source>Your role cannot send the summary.</source>
        <translation>Su rol no puede enviar el resumen.</translation>
    </message>
    <message>
        <source>Write the summary and the stay&apos;s FHIR record for the interface engine.</source>
        <translation>Escribir el resumen y el registro FHIR de la estancia para el motor de interfaces.</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Bandeja de salida</translation>
    </message>
    <message>
        <source>Printed, fax cover</source>
        <translation>Impreso, portada de fax</translation>
    </message>
    <message>
        <source>Written by %1, %2.</source>
        <translation>Escrito por %1, %2.</translation>
    </message>
    <message>
        <source>Not written yet.</source>
        <translation>Aún no se ha escrito.</translation>
    </message>
    <message>
        <source>No primary care provider on record: type a name</source>
        <translation>No hay médico de atención primaria registrado: escriba un nombre</translation>
    </message>
    <message>
        <source>Not sent yet: the primary care provider has no discharge summary.</source>
        <translation>Aún no enviado: el médico de atención primaria no tiene resumen de alta.</translation>
    </message>
    <message>
        <source>Sent to the interface outbox for %1 by %2, %3.</source>
        <translation>Enviado a la bandeja de salida de interfaces para %1 por %2, %3.</translation>
    </message>
    <message>
        <source>Printed with a fax cover for %1 by %2, %3.</source>
        <translation>Impreso con portada de fax para %1 por %2, %3.</translation>
    </message>
    <message>
        <source>The stay has changed since: send the summary again.</source>
        <translation>La estancia ha cambiado desde entonces: vuelva a enviar el resumen.</translation>
    </message>
    <message>
        <source>The hospital course is too long: keep it under %1 characters.</source>
        <translation>La evolución hospitalaria es demasiado larga: no pase de %1 caracteres.</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Modificado por otra persona</translation>
    </message>
    <message>
        <source>Their text:</source>
        <translation>Su texto (de la otra persona):</translation>
    </message>
    <message>
        <source>Replace it with yours?</source>
        <translation>¿Reemplazarlo por el suyo?</translation>
    </message>
    <message>
        <source>Send the summary</source>
        <translation>Enviar el resumen</translation>
    </message>
    <message>
        <source>Send the discharge summary to %1 through the interface outbox?</source>
        <translation>¿Enviar el resumen de alta a %1 por la bandeja de salida de interfaces?</translation>
    </message>
    <message>
        <source>the primary care provider</source>
        <translation>el médico de atención primaria</translation>
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
    <name>Readiness</name>
    <message>
        <source>done</source>
        <extracomment>shapes first: readable without colour (and in print, and for colour-blind users) least ready first: what sorting adds up per step</extracomment>
        <translation>hecho</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>requiere atención</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Valoración</translation>
    </message>
    <message>
        <source>Care plan</source>
        <translation>Plan de cuidados</translation>
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
    <message>
        <source>Readmission risk</source>
        <translation>Riesgo de reingreso</translation>
    </message>
    <message>
        <source>Discharge</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ReadinessBar</name>
    <message>
        <source>Readiness:</source>
        <translation>Preparación:</translation>
    </message>
    <message>
        <source>Discharge readiness</source>
        <translation>Preparación para el alta</translation>
    </message>
    <message>
        <source>✓ Ready for discharge</source>
        <translation>✓ Listo para el alta</translation>
    </message>
    <message>
        <source>1 checklist item open</source>
        <translation>1 punto de la lista pendiente</translation>
    </message>
    <message>
        <source>%1 checklist items open</source>
        <translation>%1 puntos de la lista pendientes</translation>
    </message>
</context>
<context>
    <name>ReadinessLetter</name>
    <message>
        <source>S</source>
        <extracomment>one letter per step, shown beside its mark (translated: &quot;C&quot; for Citas in Spanish)</extracomment>
        <translation>V</translation>
    </message>
    <message>
        <source>C</source>
        <translation>O</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>A</source>
        <translation>C</translation>
    </message>
    <message>
        <source>E</source>
        <translation>E</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>D</source>
        <translation>A</translation>
    </message>
</context>
<context>
    <name>ReadinessMessage</name>
    <message>
        <source>The reconciliation is not signed</source>
        <translation>La conciliación de medicamentos no está firmada</translation>
    </message>
    <message>
        <source>Awaiting the pharmacist&apos;s second sign-off (site policy)</source>
        <translation>Pendiente de la segunda firma del farmacéutico (política del centro)</translation>
    </message>
    <message>
        <source>Pending result &apos;{test}&apos; has no responsible clinician</source>
        <translation>El resultado pendiente «{test}» no tiene un clínico responsable</translation>
    </message>
    <message>
        <source>Home service &apos;{service}&apos; has no start date</source>
        <translation>El servicio a domicilio «{service}» no tiene fecha de inicio</translation>
    </message>
    <message>
        <source>{module}: &apos;{item}&apos; needs reinforcement and has no plan</source>
        <translation>{module}: «{item}» necesita refuerzo y no tiene plan</translation>
    </message>
    <message>
        <source>The packet was previewed but not printed or saved as PDF</source>
        <translation>El paquete de alta se previsualizó, pero no se imprimió ni se guardó como PDF</translation>
    </message>
    <message>
        <source>No discharge packet printed yet</source>
        <translation>Aún no se ha impreso el paquete de alta</translation>
    </message>
    <message>
        <source>The stay changed after packet version {version} was printed: print it again</source>
        <translation>La estancia cambió después de imprimir la versión {version} del paquete: vuelva a imprimirlo</translation>
    </message>
    <message>
        <source>Readmission risk (LACE, HOSPITAL) not scored</source>
        <translation>Riesgo de reingreso (LACE, HOSPITAL) sin calcular</translation>
    </message>
    <message>
        <source>No assessment recorded</source>
        <translation>No hay ninguna valoración registrada</translation>
    </message>
    <message>
        <source>Open need with nothing planned for it yet: {description}</source>
        <translation>Necesidad abierta sin nada planificado todavía: {description}</translation>
    </message>
    <message>
        <source>{need} need ({description}): the resource could not be reached; refer to another one</source>
        <translation>Necesidad «{need}» ({description}): no se pudo contactar con el recurso; derive a otro</translation>
    </message>
    <message>
        <source>{need} need ({description}): a resource was suggested but no referral made</source>
        <translation>Necesidad «{need}» ({description}): se sugirió un recurso, pero no se hizo la derivación</translation>
    </message>
    <message>
        <source>{need} need ({description}): no referral</source>
        <translation>Necesidad «{need}» ({description}): sin derivación</translation>
    </message>
    <message>
        <source>No goal set with the patient</source>
        <translation>No se ha fijado ningún objetivo con el paciente</translation>
    </message>
    <message>
        <source>English; no interpreter needed</source>
        <translation>Inglés; no necesita intérprete</translation>
    </message>
    <message>
        <source>Language {language}: no teaching recorded with an interpreter</source>
        <translation>Idioma {language}: no hay enseñanza registrada con intérprete</translation>
    </message>
    <message>
        <source>Language {language}: interpreter used for teaching</source>
        <translation>Idioma {language}: se usó intérprete en la enseñanza</translation>
    </message>
    <message>
        <source>PCP follow-up booked by the visit deadline ({deadline})</source>
        <translation>Seguimiento con atención primaria programado dentro del plazo de la visita ({deadline})</translation>
    </message>
    <message>
        <source>No results pending at discharge</source>
        <translation>No hay resultados pendientes al alta</translation>
    </message>
    <message>
        <source>No responsible clinician for: {tests}</source>
        <translation>Sin clínico responsable para: {tests}</translation>
    </message>
    <message>
        <source>{service}: no start date</source>
        <translation>{service}: sin fecha de inicio</translation>
    </message>
    <message>
        <source>No home services or equipment recorded; appointment transport arranged</source>
        <translation>No hay servicios ni equipo a domicilio registrados; transporte a las citas coordinado</translation>
    </message>
    <message>
        <source>The discharge medication list is not decided yet</source>
        <translation>La lista de medicamentos al alta aún no está decidida</translation>
    </message>
    <message>
        <source>No medicines go home</source>
        <translation>El paciente no se lleva medicamentos a casa</translation>
    </message>
    <message>
        <source>No pharmacy on file for the patient to obtain the medicines</source>
        <translation>No consta ninguna farmacia donde el paciente pueda obtener los medicamentos</translation>
    </message>
    <message>
        <source>Signed by {signer}</source>
        <translation>Firmada por {signer}</translation>
    </message>
    <message>
        <source>Signed by {signer}, verified by {verifier}</source>
        <translation>Firmada por {signer}, verificada por {verifier}</translation>
    </message>
    <message>
        <source>Packet version {version} printed by {who}</source>
        <translation>Versión {version} del paquete impresa por {who}</translation>
    </message>
    <message>
        <source>Not taught yet: {modules}</source>
        <translation>Aún sin enseñar: {modules}</translation>
    </message>
    <message>
        <source>Warning signs not taught yet: {items}</source>
        <translation>Signos de alarma aún sin enseñar: {items}</translation>
    </message>
    <message>
        <source>The hospital&apos;s 24/7 number is not set (site file, hospital.callback_phone)</source>
        <translation>El número del hospital disponible las 24 horas no está configurado (archivo del centro, hospital.callback_phone)</translation>
    </message>
    <message>
        <source>Warning signs taught; 24/7 number {phone} on the packet</source>
        <translation>Signos de alarma enseñados; número de 24 horas {phone} en el paquete</translation>
    </message>
    <message>
        <source>Teach-back not done</source>
        <translation>Enseñanza con retroalimentación (teach-back) no realizada</translation>
    </message>
    <message>
        <source>{done} of {total} items understood (teach-back)</source>
        <translation>{done} de {total} temas comprendidos (enseñanza con retroalimentación, teach-back)</translation>
    </message>
    <message>
        <source>No discharge summary sent to the primary care provider yet</source>
        <translation>Aún no se ha enviado el resumen de alta al médico de atención primaria</translation>
    </message>
    <message>
        <source>Sent to the outbox for {recipient} by {who}, {when}</source>
        <translation>Enviado a la bandeja de salida para {recipient} por {who}, {when}</translation>
    </message>
    <message>
        <source>Printed with a fax cover for {recipient} by {who}, {when}</source>
        <translation>Impreso con portada de fax para {recipient} por {who}, {when}</translation>
    </message>
    <message>
        <source>Follow-up call due {due}</source>
        <translation>Llamada de seguimiento para el {due}</translation>
    </message>
    <message>
        <source>No phone number on file for the follow-up call</source>
        <translation>No consta ningún número de teléfono para la llamada de seguimiento</translation>
    </message>
    <message>
        <source>Follow-up call created at discharge, due {due}</source>
        <translation>Llamada de seguimiento creada al alta, para el {due}</translation>
    </message>
    <message numerus="yes">
        <source>%n home medicine(s) without a decision</source>
        <translation>
            <numerusform>%n medicamento de casa sin decisión</numerusform>
            <numerusform>%n medicamentos de casa sin decisión</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n safety problem(s) to resolve or accept</source>
        <translation>
            <numerusform>%n problema de seguridad por resolver o aceptar</numerusform>
            <numerusform>%n problemas de seguridad por resolver o aceptar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of {total} item(s) not taught with teach-back</source>
        <translation>
            <numerusform>%n de {total} temas sin enseñar con retroalimentación (teach-back)</numerusform>
            <numerusform>%n de {total} temas sin enseñar con retroalimentación (teach-back)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{section}: %n question(s) not answered</source>
        <translation>
            <numerusform>{section}: %n pregunta sin responder</numerusform>
            <numerusform>{section}: %n preguntas sin responder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s) without the interpreter arranged</source>
        <translation>
            <numerusform>%n cita sin intérprete coordinado</numerusform>
            <numerusform>%n citas sin intérprete coordinado</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending result(s), each with a responsible clinician</source>
        <translation>
            <numerusform>%n resultado pendiente, con clínico responsable</numerusform>
            <numerusform>%n resultados pendientes, cada uno con un clínico responsable</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n home service(s) arranged with a start date</source>
        <translation>
            <numerusform>%n servicio a domicilio coordinado con fecha de inicio</numerusform>
            <numerusform>%n servicios a domicilio coordinados con fecha de inicio</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n medicine(s); filled at {pharmacy}</source>
        <translation>
            <numerusform>%n medicamento; se surte en {pharmacy}</numerusform>
            <numerusform>%n medicamentos; se surten en {pharmacy}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n module(s) taught</source>
        <translation>
            <numerusform>%n módulo enseñado</numerusform>
            <numerusform>%n módulos enseñados</numerusform>
        </translation>
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
    <name>ReferDialog</name>
    <message>
        <source>Refer: {need} need</source>
        <extracomment>Statuses a new referral can start in (the others come later, on follow-up).</extracomment>
        <translation>Derivar: necesidad «{need}»</translation>
    </message>
    <message>
        <source>&amp;Refer</source>
        <translation>&amp;Derivar</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Recurso</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distancia</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <source>Suggested resources</source>
        <translation>Recursos sugeridos</translation>
    </message>
    <message>
        <source>No resource of these categories in the directory. Tick “Show every category”.</source>
        <translation>No hay recursos de estas categorías en el directorio. Marque «Mostrar todas las categorías».</translation>
    </message>
    <message>
        <source>Sugg&amp;ested resources:</source>
        <translation>Recursos su&amp;geridos:</translation>
    </message>
    <message>
        <source>Show every &amp;category</source>
        <translation>Mostrar todas las &amp;categorías</translation>
    </message>
    <message>
        <source>Chec&amp;k progress on</source>
        <translation>&amp;Revisar el avance el</translation>
    </message>
    <message>
        <source>e.g. intake appointment Monday 10:00; bring ID</source>
        <translation>p. ej. cita de admisión el lunes a las 10:00; llevar identificación</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <source>Referral &amp;date:</source>
        <translation>&amp;Fecha de derivación:</translation>
    </message>
    <message>
        <source>Follow-&amp;up:</source>
        <translation>Seg&amp;uimiento:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <source>Closest first from the patient&apos;s ZIP code.</source>
        <translation>Los más cercanos primero, desde el código postal del paciente.</translation>
    </message>
    <message>
        <source>Closest first from the hospital (the patient&apos;s ZIP code is not in the service area).</source>
        <translation>Los más cercanos primero, desde el hospital (el código postal del paciente no está en el área de servicio).</translation>
    </message>
    <message>
        <source>Distances unknown: no location for the patient.</source>
        <translation>Distancias desconocidas: no hay ubicación del paciente.</translation>
    </message>
    <message>
        <source>Resources in the patient&apos;s language ({language}) come first. {origin}</source>
        <translation>Primero los recursos en el idioma del paciente ({language}). {origin}</translation>
    </message>
    <message>
        <source>Who can use it: {text}</source>
        <translation>Quién puede usarlo: {text}</translation>
    </message>
    <message>
        <source>Choose a resource to refer to.</source>
        <translation>Elija un recurso al que derivar.</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Referral to {resource}</source>
        <translation>Derivación a {resource}</translation>
    </message>
    <message>
        <source>{need} need · referred {day} by {who}</source>
        <translation>Necesidad «{need}» · derivada el {day} por {who}</translation>
    </message>
    <message>
        <source>Chec&amp;k progress on</source>
        <translation>&amp;Revisar el avance el</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <source>Follow-&amp;up:</source>
        <translation>Seg&amp;uimiento:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
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
    <name>SectionPage</name>
    <message>
        <source>Answers given by</source>
        <translation>Respuestas dadas por</translation>
    </message>
    <message>
        <source>&amp;Answers given by:</source>
        <translation>Respuestas dadas &amp;por:</translation>
    </message>
    <message>
        <source>Use the caregiver in the &amp;record</source>
        <translation>Usar el cuidador del e&amp;xpediente</translation>
    </message>
    <message>
        <source>Sources: </source>
        <translation>Fuentes: </translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>{total} of {maximum}</source>
        <translation>{total} de {maximum}</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>sin responder</translation>
    </message>
    <message>
        <source>{total} so far ({answered} of {items} answered)</source>
        <translation>{total} hasta ahora ({answered} de {items} respondidas)</translation>
    </message>
    <message>
        <source>{name}: positive screen</source>
        <translation>{name}: tamizaje positivo</translation>
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
        <source>Follow-up visit within:</source>
        <translation>Visita de seguimiento en:</translation>
    </message>
    <message>
        <source>Wards in the site file:</source>
        <translation>Unidades en el archivo del centro:</translation>
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
        <source>%1 days (high risk), %2 (moderate), %3 (low)</source>
        <translation>%1 días (riesgo alto), %2 (moderado), %3 (bajo)</translation>
    </message>
    <message>
        <source>none listed</source>
        <translation>ninguna indicada</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inactiva)</translation>
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
        <extracomment>The value a column sorts by (numbers and timestamps, not the text shown). The :class:`StayRow` behind a row, from any column.</extracomment>
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
        <source>Readiness</source>
        <translation>Preparación</translation>
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
        <extracomment>Rows whose cells are kept (a few screenfuls); more and the cache starts again. display text per column text colour per column (None: the palette&apos;s) the planned discharge is today: that cell bold on a highlight</extracomment>
        <translation>Duración de la estancia</translation>
    </message>
    <message>
        <source>Discharge readiness per step: %1. %2. Sorted up: least ready first.</source>
        <translation>Preparación para el alta por paso: %1. %2. En orden ascendente: primero los menos preparados.</translation>
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
        <source>Least read&amp;y first</source>
        <translation>Menos prepara&amp;dos primero</translation>
    </message>
    <message>
        <source>Sort by discharge readiness: the stays with most still to do on top</source>
        <translation>Ordenar por preparación para el alta: arriba las estancias con más tareas pendientes</translation>
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
        <source>Assessment</source>
        <extracomment>source text; shown through QCoreApplication.translate(&quot;WorkspaceSteps&quot;, title)</extracomment>
        <translation>Valoración</translation>
    </message>
    <message>
        <source>Care plan</source>
        <translation>Plan de cuidados</translation>
    </message>
    <message>
        <source>Stay summary</source>
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
    <message>
        <source>Discharge</source>
        <translation>Alta</translation>
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
