<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA" sourcelanguage="en_GB">
<context>
    <name>ConvoyLayer</name>
    <message>
        <location filename="../../ui/convoys/layer.py" line="189" />
        <source>{convoy} · {n} vehicles · {people} people</source>
        <translation>{convoy} · машин: {n} · людей: {people}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="194" />
        <source>from {a} to {b}</source>
        <translation>від {a} до {b}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="200" />
        <source>until {t}</source>
        <translation>до {t}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="209" />
        <source>{n} on the road</source>
        <translation>у дорозі: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="210" />
        <source>{n} boarding</source>
        <translation>посадка: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="211" />
        <source>{n} at checkpoints</source>
        <translation>на блокпостах: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="212" />
        <source>{n} done</source>
        <translation>завершено: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="215" />
        <source>{n} halted</source>
        <translation>на зупинці: {n}</translation>
    </message>
</context>
<context>
    <name>ConvoyState</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="66" />
        <source>forming up, not yet departed</source>
        <translation>формується, ще не виїхала</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="67" />
        <source>on the road</source>
        <translation>у дорозі</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="68" />
        <source>boarding at an assembly point</source>
        <translation>посадка в пункті збору</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="69" />
        <source>queued at a checkpoint</source>
        <translation>у черзі на блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="70" />
        <source>being checked at a checkpoint</source>
        <translation>перевірка на блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="71" />
        <source>halted</source>
        <translation>зупинка</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="72" />
        <source>unloading at the reception point</source>
        <translation>висадка в пункті прийому</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="73" />
        <source>round finished</source>
        <translation>рейс завершено</translation>
    </message>
</context>
<context>
    <name>Direction</name>
    <message>
        <location filename="../../ui/panels/gantt.py" line="123" />
        <location filename="../../ui/convoys/common.py" line="94" />
        <source>in (empty)</source>
        <translation>туди (порожня)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="125" />
        <location filename="../../ui/convoys/common.py" line="95" />
        <source>out (loaded)</source>
        <translation>назад (з людьми)</translation>
    </message>
</context>
<context>
    <name>Gantt</name>
    <message>
        <location filename="../../ui/panels/gantt.py" line="96" />
        <source>{convoy} · escort {escort}, round {round} · {n} vehicles · {people} people</source>
        <translation>{convoy} · супровід {escort}, рейс {round} · машин: {n} · людей: {people}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="118" />
        <source>{checkpoint}: convoy {convoy}, {direction}, {n} vehicles, {people} people
waited {wait}</source>
        <translation>{checkpoint}: колона {convoy}, {direction}, машин: {n}, людей: {people}
очікування {wait}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="180" />
        <source>{checkpoint} queue</source>
        <translation>черга {checkpoint}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="253" />
        <source>max queue {n}</source>
        <translation>макс. черга {n}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="255" />
        <source>no queue</source>
        <translation>без черги</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="280" />
        <source>window end</source>
        <translation>кінець вікна</translation>
    </message>
</context>
<context>
    <name>GanttPanel</name>
    <message>
        <location filename="../../ui/panels/gantt.py" line="328" />
        <source>The schedule has no convoys.</source>
        <translation>У розкладі немає колон.</translation>
    </message>
</context>
<context>
    <name>KpiPanel</name>
    <message>
        <location filename="../../ui/panels/results.py" line="332" />
        <source>People out</source>
        <translation>Вивезено людей</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="333" />
        <source>Demand</source>
        <translation>Потреба</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="334" />
        <source>Upper bound</source>
        <translation>Верхня межа</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="335" />
        <source>Gap to bound</source>
        <translation>Відрив від межі</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="336" />
        <source>Finish</source>
        <translation>Завершення</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="337" />
        <source>Convoys</source>
        <translation>Колони</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="338" />
        <source>Vehicles per convoy</source>
        <translation>Машин на колону</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="339" />
        <source>Vehicle-km</source>
        <translation>Машино-км</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="340" />
        <source>Seat use</source>
        <translation>Заповнення місць</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="397" />
        <source>Assembly point</source>
        <translation>Пункт збору</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="397" />
        <source>People</source>
        <translation>Людей</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="397" />
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="426" />
        <source>&lt;b&gt;Not served:&lt;/b&gt; nobody — every person in the plan gets out.</source>
        <translation>&lt;b&gt;Не вивезено:&lt;/b&gt; нікого — усіх людей за планом вивезено.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="429" />
        <source>&lt;b&gt;Not served&lt;/b&gt; ({n} people)</source>
        <translation>&lt;b&gt;Не вивезено&lt;/b&gt; (людей: {n})</translation>
    </message>
</context>
<context>
    <name>MapResults</name>
    <message>
        <location filename="../../ui/map/results.py" line="193" />
        <source>{n} passages · queue {q} · wait {w}</source>
        <translation>проходжень: {n} · черга {q} · очікування {w}</translation>
    </message>
    <message>
        <location filename="../../ui/map/results.py" line="196" />
        <source>{n} passages · no queue</source>
        <translation>проходжень: {n} · без черги</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/settings.py" line="100" />
        <source>Preferences</source>
        <translation>Налаштування</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="104" />
        <source>min</source>
        <translation>хв</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="106" />
        <source>Autosave unsaved changes for recovery every</source>
        <translation>Автозбереження незбережених змін для відновлення кожні</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="108" />
        <source>System language ({name})</source>
        <translation>Мова системи ({name})</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="112" />
        <source>Language</source>
        <translation>Мова</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="113" />
        <source>A new language applies when evacplan next starts.</source>
        <translation>Нова мова застосовується після перезапуску evacplan.</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="102" />
        <source>unreachable</source>
        <translation>недосяжно</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="103" />
        <source>destination capacity</source>
        <translation>місткість пункту прийому</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="104" />
        <source>window</source>
        <translation>вікно</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="105" />
        <source>checkpoint throughput</source>
        <translation>пропускна здатність блокпостів</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="106" />
        <source>escorts</source>
        <translation>супровід</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="107" />
        <source>fleet</source>
        <translation>транспорт</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="108" />
        <source>priority rule</source>
        <translation>правило пріоритету</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <location filename="../../ui/panels/results.py" line="52" />
        <source>No results yet: press Compute (F5) to route and schedule the plan.</source>
        <translation>Результатів ще немає: натисніть «Розрахувати» (F5), щоб прокласти маршрути й скласти розклад.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="56" />
        <source>The plan was not scheduled: see the Problems list.</source>
        <translation>Розклад для плану не складено: див. список «Проблеми».</translation>
    </message>
</context>
<context>
    <name>RoutesPanel</name>
    <message>
        <location filename="../../ui/panels/results.py" line="109" />
        <source>From</source>
        <translation>Звідки</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="110" />
        <source>To</source>
        <translation>Куди</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="111" />
        <source>Route</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="112" />
        <source>Length</source>
        <translation>Довжина</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="113" />
        <source>Drive time</source>
        <translation>Час у дорозі</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="114" />
        <source>Checkpoints</source>
        <translation>Блокпости</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="135" />
        <source>No pickup can reach a destination: see the Problems list.</source>
        <translation>Жоден пункт збору не має шляху до пункту прийому: див. список «Проблеми».</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="139" />
        <source>none</source>
        <translation>немає</translation>
    </message>
</context>
<context>
    <name>SchedulePanel</name>
    <message>
        <location filename="../../ui/panels/results.py" line="162" />
        <source>Convoy</source>
        <translation>Колона</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="163" />
        <source>Escort</source>
        <translation>Супровід</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="164" />
        <source>Round</source>
        <translation>Рейс</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="165" />
        <location filename="../../ui/panels/results.py" line="183" />
        <source>Vehicles</source>
        <translation>Машин</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="166" />
        <source>Forms at</source>
        <translation>Формується в</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="167" />
        <source>Departs</source>
        <translation>Виїзд</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="168" />
        <source>Latest safe departure</source>
        <translation>Найпізніший безпечний виїзд</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="169" />
        <source>Stops (boarded)</source>
        <translation>Зупинки (посаджено)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="170" />
        <source>Reception point</source>
        <translation>Пункт прийому</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="171" />
        <location filename="../../ui/panels/results.py" line="179" />
        <source>Arrives</source>
        <translation>Прибуття</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="172" />
        <location filename="../../ui/panels/results.py" line="184" />
        <source>People</source>
        <translation>Людей</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="177" />
        <source>Direction</source>
        <translation>Напрямок</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="178" />
        <source>Checkpoint</source>
        <translation>Блокпост</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="180" />
        <source>Check starts</source>
        <translation>Початок перевірки</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="181" />
        <source>Wait</source>
        <translation>Очікування</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="182" />
        <source>Clear</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="188" />
        <source>Vehicle</source>
        <translation>Машина</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="188" />
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="188" />
        <source>Seats</source>
        <translation>Місць</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="188" />
        <source>Passengers</source>
        <translation>Пасажирів</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="188" />
        <source>Boarded at</source>
        <translation>Посадка в</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="229" />
        <source>The schedule has no convoys: nobody can leave in this window (see the Summary).</source>
        <translation>У розкладі немає колон: у цьому вікні ніхто не може виїхати (див. «Підсумок»).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="282" />
        <source>Select a convoy to see its checkpoint passages and vehicles.</source>
        <translation>Виберіть колону, щоб побачити її проходження блокпостів і машини.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="287" />
        <source>&lt;b&gt;{convoy}&lt;/b&gt;: {n} checkpoint passages in, {m} out; {people} people on {vehicles} vehicles</source>
        <translation>&lt;b&gt;{convoy}&lt;/b&gt;: проходжень блокпостів туди: {n}, назад: {m}; людей: {people}, машин: {vehicles}</translation>
    </message>
</context>
<context>
    <name>Segment</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="81" />
        <source>driving in (empty)</source>
        <translation>рух туди (порожня)</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="82" />
        <source>boarding</source>
        <translation>посадка</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="83" />
        <source>queued at a checkpoint</source>
        <translation>у черзі на блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="84" />
        <source>checkpoint passage</source>
        <translation>проходження блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="85" />
        <source>halt</source>
        <translation>зупинка</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="86" />
        <source>driving out (loaded)</source>
        <translation>рух назад (з людьми)</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="87" />
        <source>unloading</source>
        <translation>висадка</translation>
    </message>
</context>
<context>
    <name>TimeSlider</name>
    <message>
        <location filename="../../ui/convoys/slider.py" line="37" />
        <source>Play the schedule</source>
        <translation>Відтворити розклад</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/slider.py" line="39" />
        <source>Time:</source>
        <translation>Час:</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/slider.py" line="41" />
        <source>Where every convoy is at this time</source>
        <translation>Де перебуває кожна колона в цей час</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/slider.py" line="71" />
        <source>no schedule</source>
        <translation>розкладу немає</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="58" />
        <source>h</source>
        <translation>год</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="59" />
        <source>min</source>
        <translation>хв</translation>
    </message>
</context>
</TS>
